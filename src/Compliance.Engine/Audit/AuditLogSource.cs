using System.IO;
using Compliance.Engine.Audit.History;
using Compliance.Engine.Audit.Remote;
using Compliance.Engine.Git;
using Compliance.Model.Documents;
using LibGit2Sharp;

namespace Compliance.Engine.Audit;

/// <summary>
/// Where the build and the reading commands find the log: the git ref the programme names (audit_log.ref),
/// else evidence/audit/audit-log.jsonl in the work tree. Defined once so that the build, 'audit verify',
/// 'audit query' and 'incident scope' can never read different logs.
/// </summary>
public sealed class AuditLogSource
{
    private readonly string _root;

    private AuditLogSource(string root, AuditRef? gitRef)
    {
        _root = root;
        Ref = gitRef;
    }

    /// <summary>The ref that holds the log, or null when it is in the work tree.</summary>
    public AuditRef? Ref { get; }

    public string DisplayPath => Ref?.DisplayPath ?? AuditLog.DefaultPath;

    public static AuditLogSource For(string root, ProgrammeDefinition? programme) =>
        new(root, programme?.AuditLog is { } definition ? AuditRef.Of(definition) : null);

    /// <summary>Reads the log. For the work tree, <paramref name="compareWithHead"/> adds the log as committed at HEAD.</summary>
    /// <exception cref="AuditRemoteException">The ref holds something that is not a log.</exception>
    public AuditLogSnapshot Read(bool compareWithHead = true)
    {
        if (Ref is null)
        {
            var log = AuditLog.ForRoot(_root);
            return new AuditLogSnapshot(
                AuditLog.DefaultPath,
                File.Exists(log.Path) ? File.ReadAllText(log.Path) : null,
                File.Exists(log.HeadPath) ? File.ReadAllText(log.HeadPath) : null,
                compareWithHead ? GitContent.AtHead(_root, AuditLog.DefaultPath) : null,
                Commit: null)
            {
                Anchors = Anchors.AnchorStore.ReadFolder(Path.Combine(_root, Anchors.AnchorStore.WorkTreeFolder)),
            };
        }

        var gitDir = GitDiscovery.GitDirectory(_root) ?? throw new AuditRemoteException($"The programme keeps its audit log on {Ref.Name}, but {_root} is not in a git repository.");
        using var repository = new Repository(gitDir);
        var tip = Ref.Tip(repository);
        if (tip is null)
        {
            return new AuditLogSnapshot(DisplayPath, null, null, null, null) { RefMissing = true };
        }

        return new AuditLogSnapshot(DisplayPath, Text(tip, AuditRef.LogFile) ?? throw NotALog(tip), Text(tip, AuditRef.HeadFile), Committed: null, tip.Sha)
        {
            Anchors = Anchors.AnchorStore.ReadTree(tip),
        };
    }

    /// <summary>Reads and verifies the log; a ref that is missing or holds no log is a failed verification, not an exception.</summary>
    public (AuditVerification Result, AuditLogSnapshot? Snapshot) Verify(bool compareWithHead = true)
    {
        AuditLogSnapshot snapshot;
        try
        {
            snapshot = Read(compareWithHead);
        }
        catch (AuditRemoteException ex)
        {
            return (AuditVerification.Fail(AuditProblem.Unreadable, 1, ex.Message), null);
        }

        if (snapshot.RefMissing)
        {
            return (AuditVerification.Fail(AuditProblem.Unreadable, 1, $"The programme keeps its audit log on {Ref!.Name}, but this clone has neither it nor {Ref.Tracking}."), snapshot);
        }

        var verification = snapshot.Verify();
        if (!verification.Valid)
        {
            return (verification, snapshot);
        }

        var history = History(snapshot);
        return history.State == AuditHistoryState.Rewritten
            ? (AuditVerification.Fail(AuditProblem.HistoryRewritten, (int)(history.FirstChangedSeq ?? 1), history.Message) with { History = history }, snapshot)
            : (verification with { History = history }, snapshot);
    }

    /// <summary>The append-only check over every committed version of the log, from the ref's tip or from HEAD.</summary>
    public AuditHistoryResult History(AuditLogSnapshot snapshot)
    {
        var gitDir = GitDiscovery.GitDirectory(_root);
        if (gitDir is null)
        {
            return AuditHistoryResult.NotChecked("the programme is not in a git repository");
        }

        using var repository = new Repository(gitDir);
        if (repository.Info.IsShallow)
        {
            return AuditHistoryResult.NotChecked("the clone is shallow, so earlier versions of the log are missing (fetch with fetch-depth: 0)");
        }

        if (Ref is not null)
        {
            return snapshot.Commit is { } tip ? AuditHistory.Check(gitDir, tip, string.Empty, AuditRef.LogFile) : AuditHistoryResult.NotChecked("the ref has no commits");
        }

        if (repository.Head.Tip is null)
        {
            return AuditHistoryResult.NotChecked("the repository has no commits yet");
        }

        var prefix = Path.GetRelativePath(repository.Info.WorkingDirectory, _root).Replace('\\', '/');
        var folder = (prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/") + Path.GetDirectoryName(AuditLog.DefaultPath)!.Replace('\\', '/');
        return AuditHistory.Check(gitDir, repository.Head.Tip.Sha, folder, Path.GetFileName(AuditLog.DefaultPath));
    }

    private AuditRemoteException NotALog(Commit tip) =>
        new($"{Ref!.Name} (commit {tip.Sha[..12]}) holds no {AuditRef.LogFile} at the root of its tree, so it is not an audit log. Point the ref back at the log's last commit, or name another ref in audit_log.ref.");

    private static string? Text(Commit commit, string path) => commit.Tree[path]?.Target is Blob blob ? blob.GetContentText() : null;
}
