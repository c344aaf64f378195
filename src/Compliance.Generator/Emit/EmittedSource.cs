using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Generator.Emit;

/// <summary>One generated file and the findings its emission raised (name collisions).</summary>
internal sealed record EmittedSource(string HintName, string Text, EquatableArray<Finding> Findings);
