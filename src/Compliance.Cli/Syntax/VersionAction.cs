using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Reflection;

namespace Compliance.Cli.Syntax;

/// <summary>
/// '--version' prints the package version (MinVer, from the git tag) and nothing else: not the assembly version,
/// which carries only the major, and not the commit that System.CommandLine's own action would append.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    private readonly TextWriter _output;

    public VersionAction(TextWriter output)
    {
        _output = output;
    }

    public static string? PackageVersion =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    public override int Invoke(ParseResult parseResult)
    {
        _output.WriteLine(PackageVersion);
        return 0;
    }
}
