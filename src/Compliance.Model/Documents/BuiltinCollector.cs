namespace Compliance.Model.Documents;

/// <summary>A collector the toolkit carries itself (collector: { builtin: NAME }): it reads what the toolkit can read without running a command.</summary>
public enum BuiltinCollector
{
    /// <summary>verify-tls over the programme's endpoints whose evidence is this requirement.</summary>
    Tls,

    /// <summary>A branch's history over a period: committers, signatures, merges that bypassed review.</summary>
    GitHistory,
}

public static class BuiltinCollectors
{
    public static readonly string[] All = Vocabulary<BuiltinCollector>.All;

    /// <summary>The file name a built-in collector writes when the programme gives no output.</summary>
    public static string DefaultOutput(BuiltinCollector builtin) => Vocabulary<BuiltinCollector>.Spell(builtin) + "-" + CollectorDefinition.DatePlaceholder + ".json";
}
