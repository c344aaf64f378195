using System;
using System.IO;
using System.Text;

namespace Compliance.Site.Output;

/// <summary>
/// Whether a folder is a mount point (a container's volume, say). One can be neither removed nor renamed
/// onto, so a site for an empty mount point is written into it in place rather than staged beside it.
/// </summary>
internal static class MountPoints
{
    private const string MountInfo = "/proc/self/mountinfo";

    /// <summary>True when Linux lists the full path as a mount point; false where the list is not there to read.</summary>
    public static bool IsMountPoint(string fullPath)
    {
        if (!File.Exists(MountInfo))
        {
            return false;
        }

        var path = fullPath.Length > 1 ? fullPath.TrimEnd('/') : fullPath;
        foreach (var line in File.ReadLines(MountInfo))
        {
            // "ID PARENT MAJOR:MINOR ROOT MOUNT-POINT ...": the fifth field, with spaces and the like written as \ooo.
            var fields = line.Split(' ');
            if (fields.Length > 4 && string.Equals(Unescape(fields[4]), path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Unescape(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(string field, int start) =>
        start + 3 <= field.Length && field[start] is >= '0' and <= '7' && field[start + 1] is >= '0' and <= '7' && field[start + 2] is >= '0' and <= '7';
}
