using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>The generated programme compiled to an assembly and loaded, so tests can call the typed API it exposes.</summary>
internal sealed class GeneratedAssembly
{
    private readonly Assembly _assembly;

    private GeneratedAssembly(Assembly assembly) => _assembly = assembly;

    public static GeneratedAssembly Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(GeneratorRun.Format)));
        stream.Position = 0;
        var context = new AssemblyLoadContext($"generated-{Guid.NewGuid():N}", isCollectible: true);
        return new GeneratedAssembly(context.LoadFromStream(stream));
    }

    public Type Type(string name) =>
        _assembly.GetType($"{GeneratorHarness.Namespace}.{name}") ?? throw new InvalidOperationException($"No generated type {name}.");

    /// <summary>A public static property or field of a generated class.</summary>
    public object? Static(string type, string member)
    {
        var t = Type(type);
        return t.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? t.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
    }

    /// <summary>Calls a public static method of a generated class.</summary>
    public object? Call(string type, string method, params object[] arguments) =>
        Type(type).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);

    /// <summary>An instance property of a generated object.</summary>
    public static object? Get(object? target, string property)
    {
        Assert.NotNull(target);
        var info = target.GetType().GetProperty(property) ?? throw new InvalidOperationException($"{target.GetType().Name} has no property {property}.");
        return info.GetValue(target);
    }

    /// <summary>The string form (ToString) of every element of a generated list.</summary>
    public static string[] Strings(object? list) => ((IEnumerable)list!).Cast<object>().Select(item => item.ToString()!).ToArray();
}
