using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Encryption;
using Compliance.Engine.Evidence;
using Compliance.Model.Documents;

namespace Compliance.Site.Model;

/// <summary>
/// The model of what the system enforces (issue 5): the audit log read with the engine's own reader
/// (<see cref="AuditLog.Read"/>) and shown with the verification the check ran, the breach clocks the
/// check computed, and the endpoints' TLS verifications with every tls-verification artifact on record.
/// </summary>
public sealed partial class SiteModelBuilder
{
    private Dictionary<string, PersonDefinition>? _peopleByEmail;

    private IReadOnlyList<EndpointDefinition> Endpoints => _result.Programme.Programme is { } programme ? programme.Endpoints : Array.Empty<EndpointDefinition>();

    private IReadOnlyList<RunnerDefinition> Runners => _result.Programme.Programme is { } programme ? programme.Runners : Array.Empty<RunnerDefinition>();

    public PageRef IncidentAnchor(string id) => new(SitePaths.Incidents, $"incident-{_incidentSlugs[id]}");

    public PageRef EndpointAnchor(string id) => new(SitePaths.Encryption, $"endpoint-{_endpointSlugs[id]}");

    public PageRef RunnerAnchor(string id) => new(SitePaths.AuditLog, $"runner-{_runnerSlugs[id]}");

    private ItemLink EndpointLink(string id) =>
        Endpoints.FirstOrDefault(e => e.Id.Value == id) is { } endpoint
            ? new ItemLink(id, endpoint.Url, EndpointAnchor(id))
            : new ItemLink(id, "(not a declared endpoint)", null);

    /// <summary>The person an actor names, by e-mail (any case, as the gate matches it) or by ID; null for a job or a stranger.</summary>
    internal PersonLink? Actor(string actor)
    {
        if (_people.ContainsKey(actor))
        {
            return Person(actor);
        }

        if (_peopleByEmail is null)
        {
            var map = new Dictionary<string, PersonDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (var person in _result.Programme.People)
            {
                if (person.Email?.Value is { } email)
                {
                    map.TryAdd(email, person);
                }
            }

            _peopleByEmail = map;
        }

        return _peopleByEmail.TryGetValue(actor, out var found) ? Person(found.Id.Value) : null;
    }

    // ---------------------------------------------------------------- audit log

    private AuditLogModel BuildAuditLog(List<ArtifactModel> artifacts)
    {
        var log = AuditLog.ForRoot(_result.Options.Root);
        var read = log.Read();
        var exists = File.Exists(log.Path);
        var verification = _result.AuditLog is { } v
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

        var endpoints = new HashSet<string>(Endpoints.Select(e => e.Id.Value), StringComparer.Ordinal);
        var runners = new HashSet<string>(Runners.Select(r => r.Id.Value), StringComparer.Ordinal);
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
            var model = new AuditEventModel(e.Seq, i + 1, e.Time, e.Type, e.Actor, Actor(e.Actor), e.Artifact, fields, e.Prev, e.Hash, i < verified, EventRef(i));
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

            var review = link.State == DeployGateState.Allowed ? null : DeployGateLinks.ReviewOf(read, link, e => AuditLogChecks.ActiveReviewer(_result.Programme, e));
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
        var runnerModels = Runners
            .Select(r => new RunnerModel(r.Id.Value, r.RequireSigned, r.Description, decisionsByRunner.TryGetValue(r.Id.Value, out var n) ? n : 0, RunnerAnchor(r.Id.Value)))
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
            AuditLog.DefaultPath,
            exists,
            exists ? EvidenceInventory.Sha256(log.Path) : null,
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
                return EndpointAnchor(value);
            case "runner" when runners.Contains(value):
                return RunnerAnchor(value);
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

            reasons.Add(new GateReasonModel(rule.Id, rule.Title, RuleAnchor(rule.Id), space < 0 ? string.Empty : part.Substring(space + 1)));
        }

        return reasons;
    }

    // ---------------------------------------------------------------- incidents

    private IncidentsModel BuildIncidents()
    {
        var warningDays = _result.Options.BreachWarningDays;
        var clocks = new Dictionary<string, BreachClock>(StringComparer.Ordinal);
        foreach (var clock in _result.Breaches)
        {
            clocks.TryAdd(clock.IncidentId, clock);
        }

        var breaches = new List<IncidentModel>();
        var others = new List<IncidentModel>();
        foreach (var incident in _result.Programme.Incidents)
        {
            var id = incident.Id.Value;
            clocks.TryGetValue(id, out var found);
            var clock = incident.Breach ? found : null;
            var mediaStates = new HashSet<string>(clock?.Notices.Where(n => n.Recipient == NoticeRecipient.Media).SelectMany(n => n.States) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            var model = new IncidentModel(
                id,
                incident.Title,
                Day(incident.DiscoveredOn),
                incident.Breach,
                incident.IndividualsAffected,
                incident.States.Select(s => new StateResidentsModel(s.State.Value, s.Residents, mediaStates.Contains(s.State.Value))).ToList(),
                clock?.Delay,
                incident.Summary,
                clock is not null,
                clock?.Notices.Select(Notice).ToList() ?? new List<NoticeModel>(),
                IncidentAnchor(id))
            {
                Capacity = clock?.Capacity,
            };
            (incident.Breach ? breaches : others).Add(model);
        }

        // Newest discovery first; an incident without a discovery date goes last.
        static List<IncidentModel> Order(List<IncidentModel> list) => list
            .OrderByDescending(i => i.DiscoveredOn ?? DateOnly.MinValue)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new IncidentsModel(Order(breaches), Order(others), warningDays, new PageRef(SitePaths.Incidents));
    }

    /// <summary>The engine's notice as the page shows it: its typed state and values, put into words.</summary>
    private static NoticeModel Notice(BreachNotice notice) => new(
        NoticeWho(notice),
        NoticeBasis(notice),
        notice.Deadline,
        notice.NotifiedOn,
        notice.MarginDays,
        notice.State switch
        {
            Compliance.Engine.Checks.NoticeState.SentOnTime => NoticeState.SentOnTime,
            Compliance.Engine.Checks.NoticeState.SentLate => NoticeState.SentLate,
            Compliance.Engine.Checks.NoticeState.Overdue => NoticeState.Overdue,
            Compliance.Engine.Checks.NoticeState.Pending => notice.DueSoon ? NoticeState.DueSoon : NoticeState.Open,
            Compliance.Engine.Checks.NoticeState.NotRequired => NoticeState.NotRequired,
            _ => NoticeState.CannotBeDecided,
        },
        notice.DelayedBy is not null)
    {
        DelegatedBy = notice.DelegatedBy?.Name,
    };

    private static string NoticeWho(BreachNotice notice) => notice.Recipient switch
    {
        NoticeRecipient.Individuals => "Individuals",
        NoticeRecipient.Hhs => "HHS",
        NoticeRecipient.HhsAnnualLog => "HHS (annual log)",
        NoticeRecipient.Media => notice.States.Count == 0 ? "The media" : $"The media ({string.Join(", ", notice.States)})",
        _ => $"Covered entity {notice.CoveredEntity?.Name} ({notice.CoveredEntity?.Id})",
    };

    private static string NoticeBasis(BreachNotice notice) => notice.Recipient switch
    {
        NoticeRecipient.Individuals => $"{notice.LegalBasis}: without unreasonable delay, at most 60 days after discovery",
        NoticeRecipient.Hhs => $"{notice.LegalBasis}: 500 or more individuals, at the same time as the individuals",
        NoticeRecipient.HhsAnnualLog => $"{notice.LegalBasis}: fewer than 500 individuals, in the log due 60 days after the end of the year of discovery",
        NoticeRecipient.Media => $"{notice.LegalBasis}: more than 500 residents of a State, at most 60 days after discovery",
        _ => notice.LegalBasis.AgreementOf is null
            ? $"{notice.LegalBasis}: the business associate notifies the covered entity, at most 60 days after discovery"
            : $"{notice.LegalBasis}: the business associate notifies the covered entity within the BAA's shorter window",
    };

    // ---------------------------------------------------------------- encryption

    private EncryptionModel BuildEncryption(List<ArtifactModel> artifacts)
    {
        var asOf = _result.Options.AsOf;
        var bySidecar = new Dictionary<string, ArtifactModel>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            if (artifact.SidecarPath is { } sidecar)
            {
                bySidecar.TryAdd(sidecar, artifact);
            }
        }

        var statuses = new Dictionary<string, EndpointStatus>(StringComparer.Ordinal);
        foreach (var status in _result.Endpoints)
        {
            statuses.TryAdd(status.EndpointId, status);
        }

        var verifications = new List<VerificationModel>();
        foreach (var artifact in _result.Artifacts.Where(a => a.Record.Type == EvidenceTypes.TlsVerification))
        {
            if (!bySidecar.TryGetValue(artifact.SidecarPath, out var model))
            {
                continue;
            }

            var endpointId = artifact.Record.Endpoint?.Value;
            TlsRecordModel? record = null;
            string? problem = null;
            if (!artifact.IsIntact)
            {
                problem = $"The record was not read: {model.Problem ?? "the artifact is not intact."}";
            }
            else if (TlsVerificationRecord.Read(artifact.Path.FullPath!) is not { } read)
            {
                problem = "The file is not a TLS verification record, so the check cannot use it.";
            }
            else
            {
                record = Record(read);
                if (endpointId is not null && read.Endpoint != endpointId)
                {
                    problem = $"The record names the endpoint '{read.Endpoint}', but its sidecar names '{endpointId}'.";
                }
            }

            var latest = endpointId is not null && statuses.TryGetValue(endpointId, out var s) && s.Artifact is not null && s.Artifact == model.Path;
            verifications.Add(new VerificationModel(model, endpointId, record, problem, latest, artifact.CollectedOn is { } day && day > asOf));
        }

        // Newest first: by the day collected, then by the moment the handshake was made.
        var ordered = verifications
            .OrderByDescending(v => v.Artifact.CollectedOn ?? DateOnly.MinValue)
            .ThenByDescending(v => v.Record?.VerifiedAt ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(v => v.Artifact.Path, StringComparer.Ordinal)
            .ToList();
        var byEndpoint = ordered.Where(v => v.EndpointId is not null).ToLookup(v => v.EndpointId!, StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var endpoints = new List<EndpointModel>();
        foreach (var endpoint in Endpoints)
        {
            var id = endpoint.Id.Value;
            if (!declared.Add(id))
            {
                continue;
            }

            statuses.TryGetValue(id, out var status);
            var history = byEndpoint[id].ToList();
            var key = endpoint.Evidence.Value;
            var parts = key.Split('/');
            PageRef? evidencePage = parts.Length == 2 && _controls.TryGetValue(parts[0], out var control) && control.Evidence.Any(e => e.Id.Value == parts[1])
                ? EvidenceAnchorOrControl(parts[0], parts[1])
                : null;
            endpoints.Add(new EndpointModel(
                id,
                endpoint.Url,
                key,
                evidencePage,
                status?.State ?? "unverified",
                history.FirstOrDefault(v => v.Latest),
                history,
                EndpointAnchor(id)));
        }

        var undeclared = ordered.Where(v => v.EndpointId is null || !declared.Contains(v.EndpointId)).ToList();
        return new EncryptionModel(endpoints, undeclared, new PageRef(SitePaths.Encryption));
    }

    private static TlsRecordModel Record(TlsVerificationRecord record) => new(
        record.Endpoint ?? string.Empty,
        record.Url ?? string.Empty,
        record.Host ?? string.Empty,
        record.Port,
        record.VerifiedAt ?? string.Empty,
        record.Succeeded,
        record.Protocol,
        record.ProtocolAcceptable,
        record.Cipher,
        record.Error,
        record.Certificate is { } c ? new CertificateModel(c.Subject ?? string.Empty, c.Issuer ?? string.Empty, c.NotAfter ?? string.Empty, c.Sha256 ?? string.Empty) : null,
        record.Signature is { } s ? new SignatureModel(s.Artifact ?? string.Empty, s.Signer ?? string.Empty, s.Verified, s.Error) : null);

    // ---------------------------------------------------------------- findings

    /// <summary>Findings about incidents and endpoints point at them; audit-log findings point at the log's page.</summary>
    private void AddEnforcementItems(ItemResolver items, AuditLogModel auditLog, IncidentsModel incidents, EncryptionModel encryption)
    {
        items.AddFile(auditLog.Path, new ItemLink(auditLog.Path, "audit log", auditLog.Page));
        items.AddFile(auditLog.Path + ".head", new ItemLink(auditLog.Path + ".head", "audit log head", auditLog.Page));
        foreach (var incident in incidents.All)
        {
            items.AddIncident(incident.Link);
        }

        foreach (var endpoint in encryption.Endpoints)
        {
            items.AddEndpoint(endpoint.Link);
        }

        foreach (var incident in _result.Programme.Incidents)
        {
            items.Add(incident.Span, new ItemLink(incident.Id.Value, incident.Title, IncidentAnchor(incident.Id.Value)));
        }

        foreach (var endpoint in Endpoints)
        {
            items.Add(endpoint.Id.Span, new ItemLink(endpoint.Id.Value, endpoint.Url, EndpointAnchor(endpoint.Id.Value)), wholeSpan: false);
        }

        foreach (var runner in Runners)
        {
            items.Add(runner.Id.Span, new ItemLink(runner.Id.Value, "runner", RunnerAnchor(runner.Id.Value)), wholeSpan: false);
        }
    }
}
