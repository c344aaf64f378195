using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Documents;
using Compliance.Model.Parsing;
using Compliance.Model.Yaml;

namespace Compliance.Model.Schema;

/// <summary>
/// Parses one programme file and reports, for every mapping in it, the keys the binders asked for,
/// present or not. This is what the schema tests compare with <see cref="SchemaCatalog"/>: a key a binder
/// reads that the catalog does not list (or the reverse) is drift.
/// </summary>
public static class BinderProbe
{
    /// <summary>
    /// The keys read per mapping, by path: "" for the root, then "/key" for a mapping value and
    /// "/key/[]" for the mappings of a list (every item of a list shares one path).
    /// </summary>
    public static BinderProbeResult Run(string path, string text)
    {
        var readers = new List<MappingReader>();
        var previous = MappingReader.Opened;
        MappingReader.Opened = readers.Add;
        ParsedFile parsed;
        try
        {
            parsed = ProgrammeFileParser.Parse(path, text);
        }
        finally
        {
            MappingReader.Opened = previous;
        }

        var keys = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (readers.Count > 0)
        {
            var paths = new Dictionary<YamlMapping, string>(ReferenceComparer.Instance);
            Walk(readers[0].Yaml, string.Empty, paths);
            foreach (var reader in readers)
            {
                var at = paths.TryGetValue(reader.Yaml, out var found) ? found : "?";
                if (!keys.TryGetValue(at, out var set))
                {
                    keys[at] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(reader.RequestedKeys);
            }
        }

        return new BinderProbeResult(
            parsed,
            keys.ToDictionary(k => k.Key, k => (IReadOnlyCollection<string>)k.Value.ToList(), StringComparer.Ordinal));
    }

    private static void Walk(YamlMapping mapping, string path, Dictionary<YamlMapping, string> paths)
    {
        paths[mapping] = path;
        foreach (var entry in mapping.Entries)
        {
            switch (entry.Value)
            {
                case YamlMapping child:
                    Walk(child, $"{path}/{entry.Key.Value}", paths);
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items.OfType<YamlMapping>())
                    {
                        Walk(item, $"{path}/{entry.Key.Value}/[]", paths);
                    }

                    break;
            }
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<YamlMapping>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(YamlMapping? x, YamlMapping? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlMapping obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>The parse of a probed file and the keys its binders asked for, per mapping path.</summary>
public sealed class BinderProbeResult
{
    public BinderProbeResult(ParsedFile parsed, IReadOnlyDictionary<string, IReadOnlyCollection<string>> keysByPath)
    {
        Parsed = parsed;
        KeysByPath = keysByPath;
    }

    public ParsedFile Parsed { get; }

    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> KeysByPath { get; }
}
