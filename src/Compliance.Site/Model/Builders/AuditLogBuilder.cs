using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;

namespace Compliance.Site.Model;

/// <summary>
/// The audit log read with the engine's own reader (<see cref="AuditLog.Read"/>) and shown with the
/// verification the check ran: events, gate decisions joined to their deploys, runners, and pages of a long log.
/// </summary>
internal sealed class AuditLogBuilder
{
    private readonly SiteBuildContext _context;

    public AuditLogBuilder(SiteBuildContext context) => _context = context;

    public AuditLogModel Build(List<ArtifactModel> artifacts)
    {
        // The log the check read and verified, from its ref or the work tree: never a second read of a file.
        var checkedLog = _context.Result.AuditLog;
        var snapshot = checkedLog?.Snapshot;
        var read = checkedLog?.Parsed ?? Array.Empty<AuditEvent>();
        var exists = snapshot?.Content is not null;
        var verification = _context.Result.AuditLog is { } v
            ? new AuditVerificationModel(true, v.Valid, v.Events, v.Problem.ToString(), v.Line, v.Message)
            : new AuditVerificationModel(false, false, 0, AuditProblem.None.ToString(), 0, "The check that made this site did not verify the audit log.");

        // Lines before the first bad one passed verification (every one of them parsed, or it would have
        // been the bad one), so the first (line - 1) events read are exactly those lines. A valid log was
        // verified up to its event count: anything read beyond it was appended after the check.
        var verified = !verification.Checked ? 0 : verification.Valid ? verification.Events : Math.Max(0, verification.Line - 1);

        var artifactsByPath = new Dictionary<string, ArtifactModel>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            artifactsByPath.TryAdd(artifact.Path, artifact);
        }

        var endpoints = new HashSet<string>(_context.Endpoints.Select(e => e.Id.Value), StringComparer.Ordinal);
        var runners = new HashSet<string>(_context.Runners.Select(r => r.Id.Value), StringComparer.Ordinal);
        var byHash = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < read.Count; i++)
        {
            byHash.TryAdd(read[i].Hash, i);
        }

        // Each event's anchor: by its seq, or by seq and line when the seq repeats (an edited log may repeat one).
        var anchors = new string[read.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < read.Count; i++)
        {
            var seq = read[i].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
            anchors[i] = used.Add($"event-{seq}") ? $"event-{seq}" : $"event-{seq}-line-{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            used.Add(anchors[i]);
        }

        // A long log is shown in pages of events by line; an event's anchor is on the page that holds its line.
        var paged = read.Count > AuditLogModel.EventsPerPage;
        PageRef EventRef(int index) => new(paged ? SitePaths.AuditLogEvents((index / AuditLogModel.EventsPerPage) + 1) : SitePaths.AuditLog, anchors[index]);

        // In file order first, so that links between events can be resolved; reversed at the end.
        var models = new List<AuditEventModel>(read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var e = read[i];
            var fields = e.Fields
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new AuditFieldModel(f.Key, f.Value, FieldLink(f.Key, f.Value, e.Type, byHash, EventRef, artifactsByPath, endpoints, runners)))
                .ToList();
            var model = new AuditEventModel(e.Seq, i + 1, e.Time, e.Type, e.Actor, _context.Actor(e.Actor), e.Artifact, fields, e.Prev, e.Hash, i < verified, EventRef(i));
            if (checkedLog?.Signatures is { } signatures && i < signatures.Count)
            {
                model = model with { Signature = new EventSignatureModel(signatures[i].State, signatures[i].Signer, signatures[i].KeyId) };
            }

            if (e.Type == AuditEventTypes.GateDecision)
            {
                var text = e.Field(AuditEventTypes.VerdictField);
                model = model with
                {
                    Verdict = text switch { AuditEventTypes.Allow => GateVerdict.Allow, AuditEventTypes.Deny => GateVerdict.Deny, _ => GateVerdict.Unknown },
                    VerdictText = text,
                    Reasons = Reasons(e.Field(AuditEventTypes.ReasonsField)),
                };
            }

            models.Add(model);
        }

        // Deploys and the decisions they name, joined as the build joins them (CMP2204), with any review of a deploy
        // that did not go through an allowing decision.
        var deploysOf = new Dictionary<int, List<AuditEventLink>>();
        foreach (var link in DeployGateLinks.Of(read))
        {
            var deploy = models[link.Index];
            AuditEventLink? decisionLink = null;
            if (link.DecisionIndex is { } at)
            {
                var decision = models[at];
                decisionLink = decision.Link;
                if (decision.Type == AuditEventTypes.GateDecision)
                {
                    if (!deploysOf.TryGetValue(at, out var list))
                    {
                        deploysOf[at] = list = new List<AuditEventLink>();
                    }

                    list.Add(deploy.Link);
                }
            }

            var review = link.State == DeployGateState.Allowed ? null : DeployGateLinks.ReviewOf(read, link, e => AuditLogChecks.ActiveReviewer(_context.Programme, e));
            models[link.Index] = deploy with
            {
                Decision = decisionLink,
                GateState = link.State,
                DecisionHash = deploy.Field(AuditEventTypes.DecisionField),
                Review = review is { } r ? models[r].Link : null,
                ReviewReason = review is { } rr ? read[rr].Field(AuditEventTypes.ReasonField) : null,
            };
        }

        foreach (var (at, deploys) in deploysOf)
        {
            models[at] = models[at] with { DeploysThrough = deploys.AsEnumerable().Reverse().ToList() };
        }

        models.Reverse();
        var decisions = models.Where(m => m.Type == AuditEventTypes.GateDecision).ToList();
        var deployEvents = models.Where(m => m.Type == AuditEventTypes.Deploy).ToList();
        var denied = decisions.Where(d => d.Verdict == GateVerdict.Deny).ToList();
        var reasons = denied
            .SelectMany(d => d.Reasons.DistinctBy(r => (r.RuleId, r.Subject)).Select(r => (Decision: d, Reason: r)))
            .GroupBy(x => x.Reason.RuleId, StringComparer.Ordinal)
            .Select(g => new DenialCount(
                g.Key,
                g.First().Reason.RuleTitle,
                g.First().Reason.RulePage,
                g.Select(x => x.Decision.Line).Distinct().Count(),
                g.Select(x => x.Reason.Subject).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList()))
            .OrderByDescending(c => c.Decisions)
            .ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .ToList();
        var summary = new GateDecisionSummary(
            decisions.Count,
            decisions.Count(d => d.Verdict == GateVerdict.Allow),
            denied.Count,
            decisions.Count(d => d.Verdict == GateVerdict.Unknown),
            deployEvents.Count,
            deployEvents.Count(d => d.GateState != DeployGateState.Allowed),
            reasons);

        var decisionsByRunner = decisions.Where(d => d.Field("runner") is not null).GroupBy(d => d.Field("runner")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var runnerModels = _context.Runners
            .Select(r => new RunnerModel(r.Id.Value, r.RequireSigned, r.Description, decisionsByRunner.TryGetValue(r.Id.Value, out var n) ? n : 0, _context.Links.RunnerAnchor(r.Id.Value)))
            .ToList();

        // Pages in line order; models are newest first, so a page's events are a reversed slice of them.
        var pages = new List<AuditEventPageModel>();
        for (var first = 0; paged && first < models.Count; first += AuditLogModel.EventsPerPage)
        {
            var last = Math.Min(models.Count, first + AuditLogModel.EventsPerPage) - 1;
            var events = models.Skip(models.Count - 1 - last).Take(last - first + 1).ToList();
            var number = (first / AuditLogModel.EventsPerPage) + 1;
            pages.Add(new AuditEventPageModel(number, first + 1, last + 1, events.Min(e => e.Time), events.Max(e => e.Time), events, new PageRef(SitePaths.AuditLogEvents(number))));
        }

        return new AuditLogModel(
            snapshot?.DisplayPath ?? AuditLog.DefaultPath,
            exists,
            snapshot?.Content is { } content ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))) : null,
            read.Count > 0 ? read[^1].Hash : null,
            verification,
            models,
            decisions,
            deployEvents,
            summary,
            runnerModels,
            new PageRef(SitePaths.AuditLog))
        {
            EventPages = pages,
            Anchoring = checkedLog?.Anchoring is { } a
                ? new AnchoringModel(a.Anchors.Select(x => new AnchorModel(x.Name, x.State, x.Seq, x.HeadHash, x.TsaTime, x.Tsa, x.Message)).ToList(), a.IntervalDays, a.LatestTrusted, a.Overdue)
                : null,
            History = checkedLog?.History is { } h ? new HistoryModel(h.State, h.Versions, h.Message, h.Commit, h.Author) : null,
        };
    }

    private PageRef? FieldLink(
        string key,
        string value,
        string type,
        Dictionary<string, int> byHash,
        Func<int, PageRef> eventRef,
        Dictionary<string, ArtifactModel> artifacts,
        HashSet<string> endpoints,
        HashSet<string> runners)
    {
        switch (key)
        {
            case AuditEventTypes.DecisionField when type != AuditEventTypes.GateDecision && byHash.TryGetValue(value, out var at):
                return eventRef(at);
            case "evidence" when artifacts.TryGetValue(value, out var artifact):
                return artifact.Viewer;
            case "endpoint" when endpoints.Contains(value):
                return _context.Links.EndpointAnchor(value);
            case "runner" when runners.Contains(value):
                return _context.Links.RunnerAnchor(value);
            default:
                return null;
        }
    }

    /// <summary>'compliance gate' records its deny reasons as "RULE subject; RULE subject".</summary>
    private static List<GateReasonModel> Reasons(string? text)
    {
        var reasons = new List<GateReasonModel>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return reasons;
        }

        foreach (var part in text.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ');
            var ruleId = space < 0 ? part : part.Substring(0, space);
            var rule = Compliance.Model.Diagnostics.Rules.Find(ruleId);
            if (rule is null)
            {
                reasons.Add(new GateReasonModel(string.Empty, string.Empty, null, part));
                continue;
            }

            reasons.Add(new GateReasonModel(rule.Id, rule.Title, SiteLinks.RuleAnchor(rule.Id), space < 0 ? string.Empty : part.Substring(space + 1)));
        }

        return reasons;
    }
}
