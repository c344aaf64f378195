using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Compliance.Cli.Init;

/// <summary>What happened to one file of the scaffold.</summary>
public enum ScaffoldOutcome
{
    Created,
    Exists,
}

public sealed record ScaffoldResult(string Path, ScaffoldOutcome Outcome);

/// <summary>
/// Writes a scaffold into a folder without ever overwriting: a file that exists is reported and left
/// alone, whatever its content. Each new file is written to a temporary name in its folder and then
/// moved into place with no-overwrite semantics, so a reader never sees half a file and a file created
/// meanwhile by someone else is not replaced.
/// </summary>
public static class Scaffolder
{
    public static IReadOnlyList<ScaffoldResult> Write(string root, IEnumerable<ScaffoldFile> files)
    {
        var results = new List<ScaffoldResult>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            results.Add(new ScaffoldResult(file.Path, CreateNew(path, file.Content) ? ScaffoldOutcome.Created : ScaffoldOutcome.Exists));
        }

        return results;
    }

    /// <summary>Creates the file with the content, atomically; false (and nothing written) when it already exists.</summary>
    public static bool CreateNew(string path, string content)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            try
            {
                File.Move(temp, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Created between the check and the move: leave the other writer's file alone.
                return false;
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
