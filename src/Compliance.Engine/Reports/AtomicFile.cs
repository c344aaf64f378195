using System.IO;
using System.Text;

namespace Compliance.Engine.Reports;

/// <summary>Writes a file so that readers see the old content or the new, never half of it: a temp file in the same folder, then a rename.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{System.Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, path, overwrite: true);
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
