using System;
using Compliance.Model.Binding;

namespace Compliance.Model.Documents;

/// <summary>An approved, time-boxed exception: one finding on one target is reported as a warning until it expires.</summary>
public sealed record WaiverDefinition(
    Located Id,
    Located Rule,
    Located Target,
    string? Reason,
    Located? ApprovedBy,
    DateTime? ApprovedOn,
    DateTime? ExpiresOn);
