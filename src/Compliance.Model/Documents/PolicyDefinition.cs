using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A policy: Markdown whose front matter names its owner, approval, review interval and governed controls.</summary>
public sealed record PolicyDefinition(
    Located Id,
    string Title,
    Located? Owner,
    string Version,
    Located? ApprovedBy,
    DateTime? ApprovedOn,
    int ReviewIntervalDays,
    EquatableArray<Located> Governs,
    string Path,
    SourceSpan Span);
