using System;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A date that records the past (a field of <see cref="Binding.PastDateFields"/>), where it was read and of what.</summary>
public sealed record RecordedDate(string Field, string What, DateTime Date, SourceSpan Span);
