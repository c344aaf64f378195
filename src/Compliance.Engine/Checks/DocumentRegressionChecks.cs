using System.IO;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Engine.Loading;
using Compliance.Model.Diagnostics;
using Compliance.Model.Parsing;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>
/// A file that now defines nothing without an error (an emptied file, a policy that lost its front matter) passes
/// the structure check with a warning. If git shows it was a document at the previous commit, it was dropped:
/// an error, so that the checks that applied to it cannot vanish silently.
/// </summary>
public static class DocumentRegressionChecks
{
    public static void Run(CheckContext context)
    {
        if (!context.Provenance.Available)
        {
            return;
        }

        var dropped = context.Programme.Findings
            .Where(f => f.Location is not null && (f.RuleId == Rules.EmptyFile.Id || f.RuleId == Rules.PolicyWithoutFrontMatter.Id))
            .Select(f => f.Location!.Path)
            .Distinct()
            .OrderBy(p => p, System.StringComparer.Ordinal);
        foreach (var path in dropped)
        {
            var full = RepoPath.Combine(context.Options.Root, path);
            var previous = File.Exists(full) ? GitContent.PreviousVersion(context.Options.Root, path, File.ReadAllText(full)) : null;
            if (previous is null)
            {
                continue;
            }

            var before = ProgrammeFileParser.Parse(path, previous);
            if (!before.DefinesNothing)
            {
                context.Report(Rules.DocumentNoLongerReadable, SourceSpan.StartOf(path), path,
                    $"At the previous commit this file was a {before.Kind} document; now it defines nothing, so the checks that applied to it would silently stop.");
            }
        }
    }
}
