using System.IO;

namespace Compliance.Engine.Loading;

/// <summary>Paths relative to the programme root, always with '/', as reports and git print them.</summary>
public static class RepoPath
{
    public static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    public static string Combine(string root, string relative) =>
        Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
}
