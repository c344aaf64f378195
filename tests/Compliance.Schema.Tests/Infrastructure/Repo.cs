using System;
using System.IO;

namespace Compliance.Schema.Tests.Infrastructure;

/// <summary>The repository the tests run in: the folder that holds Compliance.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found above " + AppContext.BaseDirectory);
    }
}
