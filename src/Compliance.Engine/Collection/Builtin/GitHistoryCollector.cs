using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Compliance.Engine.Git;
using Compliance.Model.Documents;

namespace Compliance.Engine.Collection.Builtin;

/// <summary>
/// builtin: git-history. For a branch over the period that ends on the collection day: who committed to it,
/// which commits are signed (ssh signatures verified against the programme's allowed_signers when it lists
/// them, otherwise "signed, not verified"), and which changes bypassed review as far as the history can tell
/// (a person's commit straight onto the branch, a merge that names no pull request). The JSON is deterministic:
/// the same history and day give the same bytes.
/// </summary>
public static class GitHistoryCollector
{
    public const string TypeName = "git-history";

    public static BuiltinResult Collect(string root, PlannedCollection item, DateTimeOffset now)
    {
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var from = to.AddDays(-item.Collector.PeriodDays);
        BranchHistoryResult history;
        try
        {
            history = BranchHistory.Read(root, item.Collector.Branch?.Value, from, to);
        }
        catch (InvalidOperationException ex)
        {
            return BuiltinResult.Failed(ex.Message);
        }

        SshSignatures? verifier = null;
        if (item.Collector.AllowedSigners is { } listed)
        {
            var path = Path.GetFullPath(Path.Combine(root, listed.Value));
            if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || FileKind.Of(path) != FileKindValue.Regular)
            {
                return BuiltinResult.Failed($"its allowed_signers '{listed.Value}' is not a regular file inside the repository.");
            }

            verifier = new SshSignatures(path);
        }

        using (verifier)
        {
            var verdicts = history.Commits.Select(c => Judge(c, verifier)).ToList();
            var content = Write(history, verdicts, item.Collector.AllowedSigners?.Value);
            var name = item.Collector.Output.Value.Replace(CollectorDefinition.DatePlaceholder, to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var bypassed = history.Commits.Count(c => c.BypassedReview);
            return new BuiltinResult(new[]
            {
                new BuiltinArtifact(name, content, new[] { new KeyValuePair<string, string>("type", TypeName) },
                    new Dictionary<string, string>
                    {
                        ["branch"] = history.Branch,
                        ["tip"] = history.Tip,
                        ["commits"] = history.Commits.Count.ToString(CultureInfo.InvariantCulture),
                        ["bypassed-review"] = bypassed.ToString(CultureInfo.InvariantCulture),
                    },
                    $"The history of {history.Branch} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, by the built-in git-history collector."),
            }, null);
        }
    }

    private static SignatureVerdict Judge(BranchCommit commit, SshSignatures? verifier) => commit.SignatureKind switch
    {
        CommitSignatureKind.None => new SignatureVerdict(SignatureState.Unsigned, null),
        CommitSignatureKind.Ssh when verifier is not null => verifier.Verify(commit.Signature!, commit.SignedData!),
        _ => new SignatureVerdict(SignatureState.SignedNotVerified, null),
    };

    private static byte[] Write(BranchHistoryResult history, IReadOnlyList<SignatureVerdict> verdicts, string? allowedSigners)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeName);
            json.WriteString("branch", history.Branch);
            json.WriteString("tip", history.Tip);
            json.WriteString("from", history.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("to", history.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (allowedSigners is null)
            {
                json.WriteNull("allowed_signers");
            }
            else
            {
                json.WriteString("allowed_signers", allowedSigners);
            }

            json.WriteStartObject("summary");
            json.WriteNumber("commits", history.Commits.Count);
            json.WriteNumber("signed", verdicts.Count(v => v.State != SignatureState.Unsigned));
            json.WriteNumber("verified", verdicts.Count(v => v.State == SignatureState.Verified));
            json.WriteNumber("bypassed_review", history.Commits.Count(c => c.BypassedReview));
            json.WriteEndObject();

            json.WriteStartArray("committers");
            foreach (var committer in history.Commits.GroupBy(c => c.AuthorEmail.ToLowerInvariant(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("email", committer.Key);
                json.WriteString("name", committer.OrderBy(c => c.Sha, StringComparer.Ordinal).First().AuthorName);
                json.WriteNumber("commits", committer.Count());
                json.WriteNumber("bypassed_review", committer.Count(c => c.BypassedReview));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("commits");
            for (var i = 0; i < history.Commits.Count; i++)
            {
                WriteCommit(json, history.Commits[i], verdicts[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteCommit(Utf8JsonWriter json, BranchCommit commit, SignatureVerdict verdict)
    {
        json.WriteStartObject();
        json.WriteString("sha", commit.Sha);
        json.WriteString("committed_at", commit.CommittedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteString("author", commit.AuthorEmail);
        json.WriteString("committer", commit.CommitterEmail);
        json.WriteString("subject", commit.Subject);
        json.WriteNumber("parents", commit.Parents);
        json.WriteString("change", Vocabulary<BranchChange>.Spell(commit.Change));
        json.WriteBoolean("bypassed_review", commit.BypassedReview);
        json.WriteStartObject("signature");
        json.WriteString("kind", Vocabulary<CommitSignatureKind>.Spell(commit.SignatureKind));
        json.WriteString("state", Vocabulary<SignatureState>.Spell(verdict.State));
        if (verdict.Principal is { } principal)
        {
            json.WriteString("principal", principal);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
