namespace Compliance.Site.Rendering;

/// <summary>Site-relative paths as links in Markdown and pages write them.</summary>
internal static class RelativePaths
{
    /// <summary>Resolves '.' and '..' segments and drops empty ones: "a/./b/../c" becomes "a/c". Never climbs above the start.</summary>
    public static string Normalise(string path)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join("/", parts);
    }
}
