using System;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;
using Compliance.Model.Yaml;

namespace Compliance.Model.Parsing;

/// <summary>Reads a policy's YAML front matter out of its Markdown, keeping line and column numbers of the original file.</summary>
internal static class PolicyParser
{
    public static ParsedFile Parse(string path, string text, YamlLimits? limits)
    {
        var frontMatter = ExtractFrontMatter(text);
        if (frontMatter is null && OpensFrontMatter(text))
        {
            // The leading '---' says the author meant a policy: an unclosed block must not turn it into a plain page.
            return ParsedFile.Empty(path, DocumentKinds.Policy, new[]
            {
                Rules.UnreadableDocument.At(SourceSpan.StartOf(path),
                    "The file opens a policy front matter block with '---', which is never closed, so it cannot be read as a policy; it is held as unreadable and the policy checks wait for it.",
                    "Close the front matter with a line that holds only '---' after its last key, before the policy's text."),
            }.ToEquatableArray());
        }

        if (frontMatter is null)
        {
            var fileName = System.IO.Path.GetFileName(path);
            var findings = fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase)
                ? EquatableArray<Finding>.Empty
                : new[] { Rules.PolicyWithoutFrontMatter.At(SourceSpan.StartOf(path), "This Markdown file has no front matter, so it is not a policy and no check covers it.") }.ToEquatableArray();
            return ParsedFile.Empty(path, DocumentKinds.Page, findings);
        }

        var read = YamlTreeReader.Read(path, frontMatter, limits);
        if (read.Error is not null)
        {
            return ParsedFile.Empty(path, DocumentKinds.Policy, new[] { read.Error }.ToEquatableArray());
        }

        var context = new FileContext(path);
        if (read.Root is null)
        {
            context.Report(Rules.MissingField.At(SourceSpan.StartOf(path), "The policy's front matter is empty.", "Add id, title, owner, version, approved_by, approved_on, review_interval_days and governs."));
            return ParsedFile.Empty(path, DocumentKinds.Policy, context.TakeFindings());
        }

        var reader = MappingReader.Open(context, read.Root, "the policy front matter");
        PolicyDefinition? policy = null;
        if (reader is not null)
        {
            var id = ListBinding.IdentifiedAs(reader, "policy");
            var title = reader.String("title", required: true);
            var owner = reader.Reference("owner", required: true);
            var version = reader.String("version", required: true);
            var approvedBy = reader.Reference("approved_by", required: true);
            var approvedOn = reader.Date("approved_on", required: true);
            var interval = reader.Int("review_interval_days", required: true, 1, 1825);
            var governs = reader.References("governs");
            // status defaults to active, or to retired when only retired_on is written.
            var written = reader.Enum("status", required: false, PolicyStatuses.All);
            var retiredOn = reader.Date("retired_on", required: written == PolicyStatuses.Retired);
            var status = written ?? (retiredOn is null ? PolicyStatuses.Active : PolicyStatuses.Retired);
            if (written == PolicyStatuses.Active && retiredOn is not null)
            {
                reader.Report(Rules.InvalidValue, reader.ValueSpan("retired_on")!, $"{reader.What} is active but has a retired_on date.", "Set status: retired, or remove retired_on.");
            }

            reader.Finish();
            if (id is not null && title is not null && version is not null && interval is not null)
            {
                policy = new PolicyDefinition(id, title, owner, version, approvedBy, approvedOn, interval.Value, governs, path, reader.Span)
                {
                    Status = status,
                    RetiredOn = retiredOn,
                    Body = PolicyMarkdown.Body(text).Replace("\r\n", "\n"),
                };
            }
        }

        var incomplete = policy is null && reader?.Identity is { } identity
            ? new[] { new IncompleteItem("policy", identity) }.ToEquatableArray()
            : EquatableArray<IncompleteItem>.Empty;
        return ParsedFile.Empty(path, DocumentKinds.Policy, context.TakeFindings()) with { Policy = policy, Incomplete = incomplete, RecordedDates = context.RecordedDates.ToEquatableArray() };
    }

    /// <summary>Whether the first line, after any byte-order mark, is the '---' that opens front matter.</summary>
    private static bool OpensFrontMatter(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var lineEnd = text.IndexOf('\n', start);
        var firstLine = (lineEnd < 0 ? text.Substring(start) : text.Substring(start, lineEnd - start)).TrimEnd('\r', ' ', '\t');
        return firstLine == "---";
    }

    /// <summary>
    /// The front matter as a prefix of the file with the opening '---' turned into a comment,
    /// so that YAML positions are positions in the Markdown file itself. Null when there is none.
    /// </summary>
    private static string? ExtractFrontMatter(string text)
    {
        if (!FindFrontMatter(text, out var start, out var closingLine, out _))
        {
            return null;
        }

        return text.Substring(0, start) + "#--" + text.Substring(start + 3, closingLine - start - 3);
    }

    /// <summary>
    /// Where the front matter is: it opens with a '---' line at the start of the file (after any BOM)
    /// and closes with a '---' or '...' line. <paramref name="bodyStart"/> is the first character after
    /// the closing line, where the Markdown body begins.
    /// </summary>
    internal static bool FindFrontMatter(string text, out int start, out int closingLine, out int bodyStart)
    {
        start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        closingLine = bodyStart = 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0)
        {
            return false;
        }

        var firstLineEnd = text.IndexOf('\n', start);
        if (firstLineEnd < 0 || text.Substring(start + 3, firstLineEnd - start - 3).Trim().Length != 0)
        {
            return false;
        }

        var lineStart = firstLineEnd + 1;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = (lineEnd < 0 ? text.Substring(lineStart) : text.Substring(lineStart, lineEnd - lineStart)).TrimEnd('\r');
            if (line == "---" || line == "...")
            {
                closingLine = lineStart;
                bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
                return true;
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return false;
    }
}
