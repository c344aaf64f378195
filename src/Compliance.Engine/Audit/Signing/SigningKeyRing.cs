using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using Compliance.Model.Binding;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Audit.Signing;

/// <summary>One declared key: who holds it, from which day it stops counting, and (for a runner) what it may sign.</summary>
public sealed record SigningKey(string KeyId, ECDsa Key, SignerKind OwnerKind, string OwnerId, DateOnly? RevokedOn, IReadOnlySet<string>? Signs);

/// <summary>A declared key that could not be used, with where it is written and why.</summary>
public sealed record KeyProblem(SourceSpan Span, string Owner, string Message);

/// <summary>
/// Every signing key the programme declares (runners in programme.yaml, people in policies/people.yaml), by ID,
/// built once per check. A key that does not parse, or that two owners declare, is a problem and is not used.
/// </summary>
public sealed class SigningKeyRing : IDisposable
{
    private readonly Dictionary<string, SigningKey> _byId;

    private SigningKeyRing(Dictionary<string, SigningKey> byId, IReadOnlyList<KeyProblem> problems)
    {
        _byId = byId;
        Problems = problems;
    }

    public IReadOnlyList<KeyProblem> Problems { get; }

    public bool IsEmpty => _byId.Count == 0;

    public SigningKey? Find(string keyId) => _byId.TryGetValue(keyId, out var key) ? key : null;

    public static SigningKeyRing Of(LinkedProgramme programme)
    {
        var declared = new List<DeclaredKey>();
        foreach (var runner in programme.Programme?.Runners ?? EquatableArray<Model.Documents.RunnerDefinition>.Empty)
        {
            var signs = runner.Signs.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var key in runner.PublicKeys)
            {
                declared.Add(new DeclaredKey(key, SignerKind.Runner, runner.Id.Value, runner.RevokedOn, signs));
            }
        }

        foreach (var person in programme.People)
        {
            // A person's key signs any event type; revocation is the registry's revoked_on.
            foreach (var key in person.PublicKeys)
            {
                declared.Add(new DeclaredKey(key, SignerKind.Person, person.Id.Value, person.RevokedOn, null));
            }
        }

        var byId = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        var problems = new List<KeyProblem>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, kind, owner, revokedOn, signs) in declared)
        {
            var name = $"{(kind == SignerKind.Runner ? "runner" : "person")} '{owner}'";
            var (key, problem) = PublicKeys.Read(text.Value);
            if (key is null)
            {
                problems.Add(new KeyProblem(text.Span, name, $"A public key of {name} cannot be used: {problem}."));
                continue;
            }

            var id = PublicKeys.IdOf(key);
            if (byId.Remove(id, out var earlier) || refused.Contains(id))
            {
                // One key, two owners: a signature by it could be either's, so it counts for neither.
                earlier?.Key.Dispose();
                key.Dispose();
                refused.Add(id);
                problems.Add(new KeyProblem(text.Span, name, $"The public key {id} of {name} is also declared by {(earlier is null ? "another owner" : $"{(earlier.OwnerKind == SignerKind.Runner ? "runner" : "person")} '{earlier.OwnerId}'")}; a key belongs to one owner, so it is not used."));
                continue;
            }

            byId[id] = new SigningKey(id, key, kind, owner, revokedOn is { } day ? DateOnly.FromDateTime(day) : null, signs);
        }

        return new SigningKeyRing(byId, problems);
    }

    /// <summary>A key as the registry declares it (a class: a list of tuples with value types was JIT-compiled on every run).</summary>
    private sealed record DeclaredKey(Located Text, SignerKind Kind, string Owner, DateTime? RevokedOn, IReadOnlySet<string>? Signs);

    public void Dispose()
    {
        foreach (var key in _byId.Values)
        {
            key.Key.Dispose();
        }
    }
}
