using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>Programme inputs: the on-disk fixture programmes and a small valid inline programme to vary.</summary>
internal static class Fixtures
{
    /// <summary>Every file of Fixtures/&lt;name&gt;/ as (repo-relative path, text), in ordinal path order.</summary>
    public static (string Path, string Text)[] Load(string name)
    {
        var root = TestPaths.Fixture(name);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => (Path: Path.GetRelativePath(root, file).Replace('\\', '/'), Text: File.ReadAllText(file).Replace("\r\n", "\n")))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
    }

    public const string ProgrammePath = "controls/programme.yaml";
    public const string FrameworkPath = "controls/frameworks/fw.yaml";
    public const string ControlsPath = "controls/controls.yaml";
    public const string PeoplePath = "policies/people.yaml";

    /// <summary>
    /// The smallest valid programme: one framework with a Required standard and an Addressable
    /// specification, one control that maps both, one person. It produces no diagnostic, so a test
    /// changes or adds one file and sees exactly the finding that change causes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Base { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [ProgrammePath] = """
            programme:
              id: test
              name: Test
              scope:
                - framework: fw

            """,
        [FrameworkPath] = """
            framework:
              id: fw
              title: Framework
            requirements:
              - id: R1
                title: Requirement one
                kind: standard
                required: true
              - id: R2
                title: Requirement two
                kind: implementation-spec
                required: false

            """,
        [ControlsPath] = """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1, R2]

            """,
        [PeoplePath] = """
            people:
              - id: alice
                name: Alice
                email: alice@example.test
                role: Security Officer
                phi_access: true
                status: active

            """,
    };

    /// <summary>The base programme with files replaced or added (a null text removes the file).</summary>
    public static (string Path, string Text)[] BaseWith(params (string Path, string? Text)[] changes)
    {
        var files = new SortedDictionary<string, string>(Base.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var (path, text) in changes)
        {
            if (text is null)
            {
                files.Remove(path);
            }
            else
            {
                files[path] = text;
            }
        }

        return files.Select(p => (p.Key, p.Value)).ToArray();
    }
}
