namespace Compliance.Model.Diagnostics;

/// <summary>Which part of the toolkit reports a rule's findings.</summary>
public enum RuleStage
{
    /// <summary>The model and the source generator: structure, references and coverage (CMP0xxx).</summary>
    Structure,

    /// <summary>The compliance check after compilation: time, files and git (CMP1xxx, CMP22xx).</summary>
    Gate,

    /// <summary>The deploy gate, when a pipeline asks whether it may deploy (CMP21xx).</summary>
    Deploy,
}
