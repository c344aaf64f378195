using System;
using System.Collections.Generic;
using System.IO;
using Compliance.Model.Files;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Compliance.Build;

/// <summary>
/// Lists the programme's files for the compiler with the one definition the CLI's loader uses
/// (<see cref="ProgrammeFileSet"/>), instead of MSBuild globs that would follow symbolic links.
/// A link is passed on as an item marked <c>ComplianceLink</c>: the generator reports it and never reads it.
/// </summary>
public sealed class ComplianceProgrammeFiles : Task
{
    /// <summary>The programme root: the folder that holds controls/, evidence/ and policies/.</summary>
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>Every programme file and link, full paths, with ComplianceSource=true (and ComplianceLink=true for links).</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            var listing = ProgrammeFileSet.Enumerate(Root);
            var items = new List<ITaskItem>();
            foreach (var file in listing.Files)
            {
                items.Add(Item(file, link: false));
            }

            foreach (var link in listing.Links)
            {
                items.Add(Item(link, link: true));
            }

            Files = items.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "CMP0018", null, Root, 0, 0, 0, 0, $"The programme's files could not be listed: {ex.Message}");
        }

        return !Log.HasLoggedErrors;
    }

    private ITaskItem Item(string relative, bool link)
    {
        var item = new TaskItem(Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar))));
        item.SetMetadata("ComplianceSource", "true");
        if (link)
        {
            item.SetMetadata("ComplianceLink", "true");
        }

        return item;
    }
}
