using System.Collections.Generic;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Model.Binding;

/// <summary>The file being bound and the findings reported against it so far.</summary>
public sealed class FileContext
{
    public FileContext(string path) => Path = path;

    public string Path { get; }

    public List<Finding> Findings { get; } = new();

    public void Report(Finding finding) => Findings.Add(finding);

    public EquatableArray<Finding> TakeFindings() => Findings.ToEquatableArray();

    /// <summary>Items dropped for an invalid field, by identity: see <see cref="Documents.IncompleteItem"/>.</summary>
    public List<Documents.IncompleteItem> Incomplete { get; } = new();

    /// <summary>The dates read that record the past (<see cref="PastDateFields"/>), for the gate to hold to the as-of date.</summary>
    public List<Documents.RecordedDate> RecordedDates { get; } = new();
}
