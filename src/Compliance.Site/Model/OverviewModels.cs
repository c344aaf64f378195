using System;
using System.Collections.Generic;

namespace Compliance.Site.Model;

// The overview's head: the programme's identity, its commit, and the gate's totals.

/// <summary>What is audited, when, and from which commit.</summary>
public sealed record SiteIdentity(
    string Name,
    string ProgrammeName,
    string? Description,
    DateOnly AsOf,
    CommitModel? Head,
    string? Branch,
    string? ProvenanceUnavailable,
    IReadOnlyList<string> Uncommitted,
    string? LogoPath,
    int BaaWarningDays,
    int EvidenceWarningDays,
    int PolicyWarningDays);

public sealed record CommitModel(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate, DateTimeOffset CommitDate, bool Signed, string Summary)
{
    public string ShortSha => Sha.Substring(0, Math.Min(12, Sha.Length));

    public DateOnly Day => DateOnly.FromDateTime(CommitDate.UtcDateTime);

    public string When => CommitDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record GateSummary(
    bool Passed,
    int Errors,
    int Warnings,
    int Waived,
    IReadOnlyList<CategoryCount> ByCategory,
    int Controls,
    int EvidenceRequirements,
    int Artifacts,
    int Vendors,
    int Policies,
    int People);

public sealed record CategoryCount(string Category, int Errors, int Warnings);
