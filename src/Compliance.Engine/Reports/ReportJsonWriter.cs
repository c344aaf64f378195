using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Compliance.Engine.Reports;

/// <summary>
/// Writes the JSON report's records with <see cref="Utf8JsonWriter"/>, field by field, in the form the serializer
/// gave them: camelCase names in declaration order, nulls left out, enums as kebab-case names, two-space indents.
/// The serializer (by reflection or from generated metadata) JIT-compiled some 900 generic methods per run, which
/// ReadyToRun cannot precompile across the framework's version bubble: more than a short check's own work.
/// ReportJsonWriterTests holds the output to the serializer's, byte for byte.
/// </summary>
public static class ReportJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static string Write(ReportDocument d) => Indented(w =>
    {
        w.WriteStartObject();
        w.WriteString("schema", d.Schema);
        w.WriteString("asOf", d.AsOf);
        Nested(w, "programme", d.Programme, Programme);
        Nested(w, "provenance", d.Provenance, Provenance);
        Nested(w, "summary", d.Summary, Summary);
        List(w, "findings", d.Findings, Finding);
        List(w, "waivers", d.Waivers, Waiver);
        List(w, "evidenceRequirements", d.EvidenceRequirements, EvidenceRequirement);
        List(w, "artifacts", d.Artifacts, Artifact);
        List(w, "vendors", d.Vendors, Vendor);
        List(w, "policies", d.Policies, Policy);
        List(w, "deletions", d.Deletions, Deletion);
        Nested(w, "period", d.Period, Period);
        List(w, "coverage", d.Coverage, Coverage);
        Member(w, "role", d.Role);
        List(w, "breaches", d.Breaches, Breach);
        List(w, "retention", d.Retention, Retained);
        List(w, "incomplete", d.Incomplete, Incomplete);
        w.WriteEndObject();
    });

    /// <summary>A report document in the reports' one form: two-space indents, relaxed escaping, LF line ends.</summary>
    internal static string Indented(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Incomplete(Utf8JsonWriter w, ReportIncomplete i)
    {
        w.WriteString("kind", i.Kind);
        w.WriteString("id", i.Id);
        Optional(w, "parent", i.Parent);
        w.WriteString("path", i.Path);
        w.WriteNumber("line", i.Line);
        w.WriteNumber("column", i.Column);
    }

    private static void Programme(Utf8JsonWriter w, ReportProgramme p)
    {
        Optional(w, "id", p.Id);
        Optional(w, "name", p.Name);
    }

    private static void Provenance(Utf8JsonWriter w, ReportProvenance p)
    {
        w.WriteBoolean("available", p.Available);
        Optional(w, "unavailableReason", p.UnavailableReason);
        Nested(w, "head", p.Head, Commit);
        Optional(w, "branch", p.Branch);
    }

    private static void Summary(Utf8JsonWriter w, ReportSummary s)
    {
        w.WriteNumber("errors", s.Errors);
        w.WriteNumber("warnings", s.Warnings);
        w.WriteNumber("waived", s.Waived);
        w.WriteBoolean("passed", s.Passed);
    }

    private static void Finding(Utf8JsonWriter w, ReportFinding f)
    {
        w.WriteString("rule", f.Rule);
        w.WriteString("severity", f.Severity);
        w.WriteString("message", f.Message);
        w.WriteString("fix", f.Fix);
        Optional(w, "path", f.Path);
        Optional(w, "line", f.Line);
        Optional(w, "column", f.Column);
        Optional(w, "endLine", f.EndLine);
        Optional(w, "endColumn", f.EndColumn);
        Optional(w, "target", f.Target);
        Optional(w, "waivedBy", f.WaivedBy);
    }

    private static void Waiver(Utf8JsonWriter w, ReportWaiver x)
    {
        w.WriteString("id", x.Id);
        w.WriteString("rule", x.Rule);
        w.WriteString("target", x.Target);
        Optional(w, "reason", x.Reason);
        Optional(w, "approvedBy", x.ApprovedBy);
        Optional(w, "approvedOn", x.ApprovedOn);
        Optional(w, "expiresOn", x.ExpiresOn);
        Member(w, "state", x.State);
        w.WriteNumber("applied", x.Applied);
    }

    private static void EvidenceRequirement(Utf8JsonWriter w, ReportEvidenceRequirement e)
    {
        w.WriteString("key", e.Key);
        w.WriteNumber("freshnessDays", e.FreshnessDays);
        Member(w, "state", e.State);
        Optional(w, "latestArtifact", e.LatestArtifact);
        Optional(w, "collectedOn", e.CollectedOn);
        Optional(w, "ageDays", e.AgeDays);
        Optional(w, "freshUntil", e.FreshUntil);
    }

    private static void Artifact(Utf8JsonWriter w, ReportArtifact a)
    {
        w.WriteString("path", a.Path);
        w.WriteString("sidecar", a.Sidecar);
        w.WriteString("serves", a.Serves);
        Optional(w, "collectedOn", a.CollectedOn);
        w.WriteString("collector", a.Collector);
        w.WriteString("sha256", a.Sha256);
        Optional(w, "actualSha256", a.ActualSha256);
        w.WriteString("integrity", a.Integrity);
        Nested(w, "addedBy", a.AddedBy, Commit);
        Nested(w, "lastChangedBy", a.LastChangedBy, Commit);
        w.WriteBoolean("uncommitted", a.Uncommitted);
    }

    private static void Vendor(Utf8JsonWriter w, ReportVendor v)
    {
        w.WriteString("id", v.Id);
        w.WriteString("name", v.Name);
        w.WriteBoolean("handlesPhi", v.HandlesPhi);
        Strings(w, "services", v.Services);
        Member(w, "baaState", v.BaaState);
        Optional(w, "signedOn", v.SignedOn);
        Optional(w, "effectiveOn", v.EffectiveOn);
        Optional(w, "expiresOn", v.ExpiresOn);
        Optional(w, "daysLeft", v.DaysLeft);
        Optional(w, "agreement", v.Agreement);
        Strings(w, "subcontractors", v.Subcontractors);
    }

    private static void Policy(Utf8JsonWriter w, ReportPolicy p)
    {
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteString("path", p.Path);
        w.WriteString("version", p.Version);
        Optional(w, "approvedBy", p.ApprovedBy);
        w.WriteString("approvedOn", p.ApprovedOn);
        w.WriteString("nextReviewOn", p.NextReviewOn);
        w.WriteBoolean("overdue", p.Overdue);
        List(w, "history", p.History, Commit);
    }

    private static void Commit(Utf8JsonWriter w, ReportCommit c)
    {
        w.WriteString("sha", c.Sha);
        w.WriteString("author", c.Author);
        w.WriteString("email", c.Email);
        w.WriteString("authoredAt", c.AuthoredAt);
        w.WriteString("committedAt", c.CommittedAt);
        w.WriteBoolean("signed", c.Signed);
        w.WriteString("summary", c.Summary);
    }

    private static void Deletion(Utf8JsonWriter w, ReportDeletion d)
    {
        w.WriteString("path", d.Path);
        Nested(w, "deletedBy", d.DeletedBy, Commit);
        Nested(w, "firstAddedBy", d.FirstAddedBy, Commit);
    }

    private static void Coverage(Utf8JsonWriter w, ReportCoverage c)
    {
        w.WriteString("requirement", c.Requirement);
        w.WriteString("framework", c.Framework);
        Member(w, "state", c.State);
        w.WriteBoolean("assessable", c.Assessable);
        Strings(w, "controls", c.Controls);
        Strings(w, "notApplicableControls", c.NotApplicableControls);
        Optional(w, "decision", c.Decision);
    }

    private static void Period(Utf8JsonWriter w, ReportPeriod p)
    {
        w.WriteString("start", p.Start);
        w.WriteString("end", p.End);
        w.WriteNumber("days", p.Days);
        Optional(w, "unavailableReason", p.UnavailableReason);
        List(w, "frameworks", p.Frameworks, (w, f) =>
        {
            w.WriteString("framework", f.Framework);
            w.WriteNumber("requirementDays", f.RequirementDays);
            w.WriteNumber("freshDays", f.FreshDays);
            w.WriteNumber("freshShareBasisPoints", f.FreshShareBasisPoints);
        });
        List(w, "exceptions", p.Exceptions, (w, e) =>
        {
            w.WriteString("rule", e.Rule);
            Member(w, "kind", e.Kind);
            w.WriteString("target", e.Target);
            w.WriteString("start", e.Start);
            w.WriteString("end", e.End);
            w.WriteNumber("days", e.Days);
            Optional(w, "path", e.Path);
            Optional(w, "line", e.Line);
            Optional(w, "column", e.Column);
            w.WriteString("message", e.Message);
            Optional(w, "artifactBefore", e.ArtifactBefore);
            Optional(w, "artifactAfter", e.ArtifactAfter);
        });
        List(w, "requirements", p.Requirements, (w, r) =>
        {
            w.WriteString("key", r.Key);
            w.WriteString("control", r.Control);
            w.WriteNumber("freshnessDays", r.FreshnessDays);
            Strings(w, "frameworks", r.Frameworks);
            w.WriteNumber("requiredDays", r.RequiredDays);
            w.WriteNumber("freshDays", r.FreshDays);
            w.WriteNumber("waivedDays", r.WaivedDays);
            List(w, "segments", r.Segments, (w, s) =>
            {
                w.WriteString("start", s.Start);
                w.WriteString("end", s.End);
                w.WriteNumber("days", s.Days);
                Member(w, "state", s.State);
            });
        });
        List(w, "waivers", p.Waivers, (w, x) =>
        {
            w.WriteString("id", x.Id);
            w.WriteString("rule", x.Rule);
            w.WriteString("target", x.Target);
            w.WriteString("start", x.Start);
            w.WriteString("end", x.End);
            w.WriteNumber("days", x.Days);
        });
    }

    private static void Breach(Utf8JsonWriter w, ReportBreach b)
    {
        w.WriteString("incident", b.Incident);
        w.WriteString("discoveredOn", b.DiscoveredOn);
        Member(w, "capacity", b.Capacity);
        Nested(w, "lawEnforcementDelay", b.LawEnforcementDelay, (w, d) =>
        {
            w.WriteString("statementOn", d.StatementOn);
            Member(w, "form", d.Form);
            w.WriteString("agency", d.Agency);
            w.WriteString("requestedUntil", d.RequestedUntil);
            w.WriteString("effectiveUntil", d.EffectiveUntil);
            Optional(w, "writtenStatementOn", d.WrittenStatementOn);
            w.WriteBoolean("capped", d.Capped);
            Optional(w, "evidence", d.Evidence);
        });
        List(w, "notices", b.Notices, (w, n) =>
        {
            Member(w, "recipient", n.Recipient);
            Optional(w, "coveredEntity", n.CoveredEntity);
            Strings(w, "states", n.States);
            w.WriteString("legalBasis", n.LegalBasis);
            Optional(w, "agreement", n.Agreement);
            Optional(w, "deadline", n.Deadline);
            w.WriteBoolean("delayed", n.Delayed);
            Optional(w, "delegatedBy", n.DelegatedBy);
            Optional(w, "notifiedOn", n.NotifiedOn);
            Member(w, "state", n.State);
            Optional(w, "marginDays", n.MarginDays);
        });
    }

    private static void Retained(Utf8JsonWriter w, ReportRetained r)
    {
        w.WriteString("path", r.Path);
        w.WriteString("createdOn", r.CreatedOn);
        Member(w, "effectEnd", r.EffectEnd);
        Optional(w, "lastInEffectOn", r.LastInEffectOn);
        Optional(w, "retainUntil", r.RetainUntil);
        Optional(w, "supersededBy", r.SupersededBy);
        Optional(w, "deletedOn", r.DeletedOn);
        Optional(w, "lastVersionCommit", r.LastVersionCommit);
        w.WriteBoolean("violated", r.Violated);
    }

    // A null field is left out, as the serializer's WhenWritingNull did.
    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }

    // Boxed, not generic over the enum: ReadyToRun cannot precompile a generic method over a value type (issue 15).
    private static void Member(Utf8JsonWriter w, string name, Enum? value)
    {
        if (value is not null)
        {
            w.WriteString(name, EnumName(value));
        }
    }

    /// <summary>The member's name in kebab case, as JsonStringEnumConverter(KebabCaseLower) wrote it.</summary>
    private static string EnumName(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Nested<T>(Utf8JsonWriter w, string name, T? value, Action<Utf8JsonWriter, T> fields)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        w.WriteStartObject(name);
        fields(w, value);
        w.WriteEndObject();
    }

    private static void List<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> fields)
    {
        if (items is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            fields(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
