using System;
using System.IO;
using System.Runtime.InteropServices;
using Compliance.Tests.Shared;

namespace Compliance.EndToEnd.Tests;

/// <summary>
/// On linux-x64 the gate and these tests run the Native AOT CLI, so the suite proves the binary that ships to the gate.
/// This holds the harness to it: were the native publish skipped, every other test would still pass on compliance.dll.
/// </summary>
public sealed class NativeCliTests
{
    [Fact]
    public void On_linux_x64_the_tests_run_the_native_executable()
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            Assert.Null(TestCli.Native);
            return;
        }

        var native = Assert.IsType<string>(TestCli.Native);
        Assert.Equal(native, Harness.RepoLayout.ComplianceCli);
        using (var file = File.OpenRead(native))
        {
            var magic = new byte[4];
            Assert.Equal(4, file.Read(magic, 0, 4));
            Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, magic);
        }

        // Self-contained: no managed assembly of ours beside it for a host to fall back on.
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(native)!, "Compliance.Engine.dll")));
        using var process = System.Diagnostics.Process.Start(TestCli.StartInfo(native, new[] { "--version" }))!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }
}
