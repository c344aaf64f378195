using System;
using System.Collections.Generic;
using System.IO;
using LibGit2Sharp;
using Compliance.Model.Documents;
using Compliance.Model.Parsing;

namespace Compliance.Engine.Git;

/// <summary>The collectors as the base version declares them, read from git with the same parser as the working tree.</summary>
public sealed record BaseCollectors(string BaseName, IReadOnlyDictionary<string, CollectorDefinition> ByRequirement)
{
    /// <summary>
    /// The base is the default branch's tip when it is not HEAD (a pull request's checkout), else HEAD
    /// itself (a local edit). Null without a usable repository, so the comparison is simply skipped.
    /// </summary>
    /// <param name="unchanged">
    /// The working tree's parse of a root-relative path when that file is as HEAD has it (null otherwise): a base
    /// file whose blob is HEAD's is then taken from it instead of being parsed a second time. Null: parse every file.
    /// </param>
    /// <param name="headSha">The commit <paramref name="unchanged"/> describes; a HEAD that moved since is not trusted.</param>
    public static BaseCollectors? Read(string root, Func<string, ParsedFile?>? unchanged = null, string? headSha = null)
    {
        var gitDir = GitDiscovery.GitDirectory(root);
        if (gitDir is null)
        {
            return null;
        }

        using var repository = new Repository(gitDir);
        if (repository.Head.Tip is null || repository.Info.IsShallow)
        {
            return null;
        }

        var (name, commit) = repository.Refs["refs/remotes/origin/HEAD"] is SymbolicReference { Target: { } target }
            && repository.Lookup<Commit>(target.TargetIdentifier) is { } defaultTip && defaultTip.Sha != repository.Head.Tip.Sha
            ? (target.CanonicalName.Replace("refs/remotes/", string.Empty), defaultTip)
            : ("HEAD", repository.Head.Tip);
        var prefix = Path.GetRelativePath(repository.Info.WorkingDirectory, root).Replace('\\', '/');
        var controls = prefix == "." ? "controls" : $"{prefix.TrimEnd('/')}/controls";
        var collectors = new Dictionary<string, CollectorDefinition>(StringComparer.Ordinal);
        if (commit[controls]?.Target is Tree tree)
        {
            var headTree = unchanged is not null && repository.Head.Tip.Sha == headSha ? repository.Head.Tip[controls]?.Target as Tree : null;
            Collect(tree, headTree, "controls", headTree is null ? null : unchanged, collectors);
        }

        return new BaseCollectors(name, collectors);
    }

    private static void Collect(Tree tree, Tree? headTree, string path, Func<string, ParsedFile?>? unchanged, Dictionary<string, CollectorDefinition> collectors)
    {
        foreach (var entry in tree)
        {
            var entryPath = $"{path}/{entry.Name}";
            if (entry.Target is Tree child)
            {
                Collect(child, headTree?[entry.Name]?.Target as Tree, entryPath, unchanged, collectors);
            }
            else if (entry.Target is Blob blob && (entry.Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
            {
                // The same blob as HEAD's, and git's status found the working tree's file as HEAD has it: the same content, so the same parse.
                var parsed = headTree?[entry.Name]?.Target.Id == blob.Id ? unchanged!(entryPath) : null;
                foreach (var control in (parsed ?? ProgrammeFileParser.Parse(entryPath, blob.GetContentText())).Controls)
                {
                    foreach (var requirement in control.Evidence)
                    {
                        if (requirement.Collector is { } collector)
                        {
                            collectors[$"{control.Id.Value}/{requirement.Id.Value}"] = collector;
                        }
                    }
                }
            }
        }
    }
}
