namespace Compliance.Model.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
