using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Assessment;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Model.Diagnostics;
using Compliance.Site.Html;
using Compliance.Model.Linking;
using Compliance.Site.Model;
using PolicyReviewState = Compliance.Site.Model.PolicyReviewState;
using static Compliance.Site.Html.Html;
using NoticeState = Compliance.Site.Model.NoticeState;

namespace Compliance.Site.Rendering;

/// <summary>
/// Small pieces every page uses. A state is always shown as words (with a glyph that is hidden from
/// screen readers); colour only repeats what the words say.
/// </summary>
public static partial class Components
{
    public static HtmlString Evidence(EvidenceRollup state) => state switch
    {
        EvidenceRollup.Fresh => Pill("good", "✓", "Fresh"),
        EvidenceRollup.NearlyStale => Pill("warn", "!", "Nearly stale"),
        EvidenceRollup.Stale => Pill("bad", "✕", "Stale"),
        EvidenceRollup.Missing => Pill("bad", "✕", "Missing"),
        _ => Pill("none", "–", "None required"),
    };

    public static HtmlString Evidence(EvidenceState state) => state switch
    {
        EvidenceState.Fresh => Pill("good", "✓", "Fresh"),
        EvidenceState.NearlyStale => Pill("warn", "!", "Nearly stale"),
        EvidenceState.Stale => Pill("bad", "✕", "Stale"),
        _ => Pill("bad", "✕", "Missing"),
    };

    public static HtmlString Coverage(CoverageState state) => state switch
    {
        CoverageState.Implemented => Pill("good", "✓", "Implemented"),
        CoverageState.PlannedOnly => Pill("warn", "!", "Planned only"),
        CoverageState.Decided => Pill("info", "§", "Decided"),
        CoverageState.CoveredByChildren => Pill("good", "✓", "Covered by its parts"),
        CoverageState.Informative => Pill("none", "i", "Informative"),
        CoverageState.OutOfScope => Pill("none", "–", "Out of scope"),
        _ => Pill("bad", "✕", "Not covered"),
    };

    public static HtmlString ControlStatus(string status) => status switch
    {
        "implemented" => Pill("good", "✓", "Implemented"),
        "partially-implemented" => Pill("warn", "◐", "Partially implemented"),
        "planned" => Pill("warn", "○", "Planned"),
        "not-applicable" => Pill("none", "–", "Not applicable"),
        _ => Pill("none", "?", status),
    };

    public static HtmlString Baa(BaaState state) => state switch
    {
        BaaState.InForce => Pill("good", "✓", "In force"),
        BaaState.Expiring => Pill("warn", "!", "Expiring"),
        BaaState.Expired => Pill("bad", "✕", "Expired"),
        BaaState.NotYetEffective => Pill("bad", "✕", "Not yet effective"),
        BaaState.Missing => Pill("bad", "✕", "Missing"),
        _ => Pill("none", "–", "Not required"),
    };

    public static string BaaClass(BaaState state) => state switch
    {
        BaaState.InForce => "good",
        BaaState.Expiring => "warn",
        BaaState.NotRequired => "none",
        _ => "bad",
    };

    public static HtmlString Integrity(ArtifactIntegrity integrity) => integrity switch
    {
        ArtifactIntegrity.Intact => Pill("good", "✓", "Hash matches"),
        ArtifactIntegrity.Tampered => Pill("bad", "✕", "Hash mismatch"),
        ArtifactIntegrity.Missing => Pill("bad", "✕", "File missing"),
        ArtifactIntegrity.Refused => Pill("bad", "✕", "Path refused"),
        _ => Pill("info", "#", "Digest computed"),
    };

    public static HtmlString Review(PolicyReviewState state) => state switch
    {
        PolicyReviewState.Current => Pill("good", "✓", "Current"),
        PolicyReviewState.DueSoon => Pill("warn", "!", "Review due soon"),
        PolicyReviewState.Overdue => Pill("bad", "✕", "Review overdue"),
        PolicyReviewState.Retired => Pill("none", "–", "Retired"),
        _ => Pill("none", "?", "Not approved"),
    };

    public static HtmlString Waiver(WaiverState state) => state switch
    {
        WaiverState.InForce => Pill("info", "§", "In force"),
        WaiverState.Expired => Pill("bad", "✕", "Expired"),
        WaiverState.Unused => Pill("warn", "!", "Matches nothing"),
        _ => Pill("bad", "✕", "Invalid"),
    };

    public static HtmlString Severity(Compliance.Model.Diagnostics.Severity severity, bool waived = false) =>
        waived ? Pill("info", "§", "Waived")
        : severity == Compliance.Model.Diagnostics.Severity.Error ? Pill("bad", "✕", "Error")
        : severity == Compliance.Model.Diagnostics.Severity.Warning ? Pill("warn", "!", "Warning")
        : Pill("none", "i", "Info");

    /// <summary>A gate decision's verdict, in words: a denied decision reads "Denied" whatever the colours.</summary>
    public static HtmlString Verdict(GateVerdict? verdict, string? text = null) => verdict switch
    {
        GateVerdict.Allow => Pill("good", "✓", "Allowed"),
        GateVerdict.Deny => Pill("bad", "✕", "Denied"),
        _ => Pill("warn", "?", text is null ? "No verdict recorded" : $"Verdict '{text}'"),
    };

    /// <summary>A deploy's gate state; one that did not go through an allowing decision but was reviewed says so.</summary>
    public static HtmlString DeployGate(DeployGateState? state, AuditEventLink? review) =>
        state is not null and not DeployGateState.Allowed && review is not null
            ? H($"{DeployGate(state)} {Pill("warn", "!", $"Reviewed in #{review.Seq.ToString(CultureInfo.InvariantCulture)}")}")
            : DeployGate(state);

    public static HtmlString DeployGate(DeployGateState? state) => state switch
    {
        DeployGateState.Allowed => Pill("good", "✓", "Allowed by the gate"),
        DeployGateState.NoDecision => Pill("bad", "✕", "No gate decision"),
        DeployGateState.NotInLog => Pill("bad", "✕", "Decision not in the log"),
        DeployGateState.NotADecision => Pill("bad", "✕", "Names an event that is not a decision"),
        DeployGateState.Denied => Pill("bad", "✕", "Gate denied it"),
        DeployGateState.OtherArtifact => Pill("bad", "✕", "Decision was for another artifact"),
        DeployGateState.DecisionAfter => Pill("bad", "✕", "Decision recorded after the deploy"),
        _ => Pill("warn", "?", "Decision has no verdict"),
    };

    public static HtmlString AuditLogStatus(AuditVerificationModel verification, bool exists) =>
        !verification.Checked ? Pill("warn", "!", "Not verified")
        : !verification.Valid ? Pill("bad", "✕", "Verification failed")
        : !exists ? Pill("none", "–", "No audit log")
        : Pill("good", "✓", "Hash chain intact");

    public static HtmlString Notice(NoticeState state) => state switch
    {
        NoticeState.SentOnTime => Pill("good", "✓", "Sent on time"),
        NoticeState.SentLate => Pill("bad", "✕", "Sent late"),
        NoticeState.Overdue => Pill("bad", "✕", "Overdue"),
        NoticeState.DueSoon => Pill("warn", "!", "Due soon"),
        NoticeState.NotRequired => Pill("none", "–", "Not required"),
        NoticeState.CannotBeDecided => Pill("bad", "?", "Cannot be decided"),
        _ => Pill("info", "○", "Open"),
    };

    public static HtmlString EndpointState(string state) => state switch
    {
        "verified" => Pill("good", "✓", "Verified"),
        "stale" => Pill("bad", "✕", "Verification stale"),
        "failed" => Pill("bad", "✕", "Handshake failed"),
        "weak" => Pill("bad", "✕", "Below TLS 1.2"),
        "signature-failed" => Pill("bad", "✕", "Signature failed"),
        "unverified" => Pill("bad", "✕", "Not verified"),
        _ => Pill("warn", "?", state),
    };

    /// <summary>A moment of the audit log, in UTC, to the second.</summary>
    public static HtmlString Timestamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return H($"<time datetime=\"{utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>");
    }

    public static string EventType(string type) => type switch
    {
        AuditEventTypes.GateDecision => "Gate decision",
        AuditEventTypes.Deploy => "Deploy",
        AuditEventTypes.EncryptionVerified => "Encryption verified",
        AuditEventTypes.EvidenceCollected => "Evidence collected",
        AuditEventTypes.DeployReviewed => "Deploy reviewed",
        _ => type,
    };

    /// <summary>An event's actor: the person's name linked to the people page, with the actor as written; a job or a stranger as code.</summary>
    public static HtmlString Actor(PageContext ctx, string actor, PersonLink? person) =>
        person is null
            ? H($"<code>{actor}</code>")
            : person.Id == actor ? ctx.Person(person) : H($"{ctx.Person(person)}<span class=\"sub muted\">{actor}</span>");

    /// <summary>An event link as "#seq", with the event's type and, for a decision, its verdict in words.</summary>
    public static HtmlString EventLink(PageContext ctx, AuditEventLink link)
    {
        var verdict = link.Verdict switch
        {
            GateVerdict.Allow => " (allowed)",
            GateVerdict.Deny => " (denied)",
            GateVerdict.Unknown => " (no verdict)",
            _ => string.Empty,
        };
        return H($"<a href=\"{ctx.Url(link.Anchor)}\">{link.Text}</a> {EventType(link.Type).ToLowerInvariant()}{verdict}, <time datetime=\"{Date(DateOnly.FromDateTime(link.Time.UtcDateTime))}\">{Date(DateOnly.FromDateTime(link.Time.UtcDateTime))}</time>");
    }

    public static HtmlString Gate(bool passed) => passed ? Pill("good", "✓", "Passes") : Pill("bad", "✕", "Fails");

    public static HtmlString YesNo(bool value, string yes = "Yes", string no = "No") =>
        value ? H($"<span class=\"yes\">{yes}</span>") : H($"<span class=\"no\">{no}</span>");

    public static string Date(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static HtmlString Time(DateOnly? day) =>
        day is { } d ? H($"<time datetime=\"{Date(d)}\">{Date(d)}</time>") : H($"<span class=\"muted\">—</span>");

    public static string Days(int days) => days switch
    {
        0 => "today",
        1 => "in 1 day",
        -1 => "1 day ago",
        > 0 => $"in {days} days",
        _ => $"{-days} days ago",
    };

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";

    public static string Size(long? bytes) => bytes switch
    {
        null => "—",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
    };

    public static HtmlString Commit(CommitModel? commit, bool withAuthor = true)
    {
        if (commit is null)
        {
            return H($"<span class=\"muted\">not committed</span>");
        }

        var signed = commit.Signed ? Pill("good", "✓", "signed") : Pill("none", "–", "unsigned");
        return withAuthor
            ? H($"<span class=\"commit\"><code title=\"{commit.Sha}\">{commit.ShortSha}</code> {commit.AuthorName} · <time datetime=\"{Date(commit.Day)}\">{Date(commit.Day)}</time> {signed}</span>")
            : H($"<span class=\"commit\"><code title=\"{commit.Sha}\">{commit.ShortSha}</code> {signed}</span>");
    }

    /// <summary>A percentage bar: its width is one of the stylesheet's 101 classes, so no inline style is needed (the CSP forbids them).</summary>
    public static HtmlString Bar(int part, int whole, string tone, string label)
    {
        var percent = whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
        var text = whole == 0 ? "—" : $"{part.ToString(CultureInfo.InvariantCulture)} of {whole.ToString(CultureInfo.InvariantCulture)} ({percent.ToString(CultureInfo.InvariantCulture)}%)";
        return H($"<div class=\"bar\"><span class=\"bar-track\" aria-hidden=\"true\"><span class=\"bar-fill bar-{tone} w-{percent.ToString(CultureInfo.InvariantCulture)}\"></span></span><span class=\"bar-text\"><span class=\"visually-hidden\">{label}: </span>{text}</span></div>");
    }

    public static HtmlString Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim())
            .Where(p => p.Length > 0);
        return Join(paragraphs, p => H($"<p>{string.Join(" ", p.Split('\n').Select(l => l.Trim()))}</p>"));
    }

    public static HtmlString Links(PageContext ctx, IEnumerable<ItemLink> links, bool titles = false, string empty = "none")
    {
        var list = links.ToList();
        if (list.Count == 0)
        {
            return H($"<span class=\"muted\">{empty}</span>");
        }

        return Join(list, l => ctx.Link(l, titles), H($", "));
    }

    public static FactsBlock Facts(params (string Term, HtmlString Value)[] facts) => new(facts);

    /// <summary>Facts as a grid of cells, or (wide) as one row per fact, for long values such as paths and digests.</summary>
    public static FactsBlock Facts(FactList facts, bool wide = false) => new(facts, wide);

    public static HtmlString Findings(PageContext ctx, IReadOnlyList<FindingModel> findings, string heading = "Findings")
    {
        if (findings.Count == 0)
        {
            return HtmlString.Empty;
        }

        var writer = new HtmlWriter();
        writer.Append($"<section class=\"block\" aria-labelledby=\"{ctx.Id("findings")}\"><h2 id=\"{ctx.Id("findings")}\">{heading} <span class=\"count\">{findings.Count}</span></h2>");
        writer.Append(FindingList(ctx, findings, showItem: false));
        writer.Append($"</section>");
        return writer.ToHtml();
    }

    public static HtmlString FindingList(PageContext ctx, IEnumerable<FindingModel> findings, bool showItem)
    {
        var writer = new HtmlWriter();
        writer.Append($"<ol class=\"findings\">");
        foreach (var finding in findings)
        {
            var rule = finding.RulePage is null ? H($"<code>{finding.RuleId}</code>") : H($"<a href=\"{ctx.Url(finding.RulePage)}\"><code>{finding.RuleId}</code></a>");
            var tone = finding.WaivedBy is not null ? "info" : finding.Severity == Compliance.Model.Diagnostics.Severity.Error ? "bad" : "warn";
            writer.Append($"<li class=\"finding finding-{tone}\"><p class=\"finding-head\">{Severity(finding.Severity, finding.WaivedBy is not null)} {rule} <span class=\"rule-title\">{finding.RuleTitle}</span>");
            if (showItem && finding.Item is { } item)
            {
                writer.Append($" <span class=\"finding-item\">on {ctx.Link(item, title: false)}</span>");
            }

            writer.Append($"</p><p class=\"finding-message\">{finding.Message}</p>");
            if (finding.Fix.Length > 0)
            {
                writer.Append($"<p class=\"finding-fix\"><strong>Fix:</strong> {finding.Fix}</p>");
            }

            if (finding.Location is { } location)
            {
                writer.Append($"<p class=\"finding-location\"><span class=\"visually-hidden\">Location: </span><code>{location}</code></p>");
            }

            writer.Append($"</li>");
        }

        writer.Append($"</ol>");
        return writer.ToHtml();
    }

    public static HtmlString SectionStart(PageContext ctx, string id, string title, int? count = null, string? className = null)
    {
        var full = ctx.Id(id);
        return count is { } n
            ? H($"<section class=\"block {className}\" aria-labelledby=\"{full}\"><h2 id=\"{full}\">{title} <span class=\"count\">{n}</span></h2>")
            : H($"<section class=\"block {className}\" aria-labelledby=\"{full}\"><h2 id=\"{full}\">{title}</h2>");
    }

    public static HtmlString SectionEnd { get; } = H($"</section>");

    public static HtmlString Empty(string text) => H($"<p class=\"empty\">{text}</p>");
}
