namespace Compliance.Site.Model;

/// <summary>
/// An item the model dropped for an invalid field (<see cref="Compliance.Model.Documents.IncompleteItem"/>): known by
/// its ID, but not evaluated. The findings say why; the site shows where it is, so a missing item is visibly missing.
/// </summary>
public sealed record NotEvaluatedModel(string Kind, string Id, string? Parent, string Path, int Line, int Column)
{
    /// <summary>The file and line it was read from, as an auditor opens it.</summary>
    public string Location => $"{Path}:{Line}";
}
