using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Compliance.Engine.Collection;

/// <summary>One IdP user (an RFC 7643 User resource): its id, userName, e-mails and whether it is active.</summary>
public sealed record ScimUser(string Id, string UserName, IReadOnlyList<string> Emails, bool Active);

/// <summary>
/// An identity provider's users and groups, read from a SCIM 2.0 ListResponse (RFC 7644 section 3.4.2)
/// of User and Group resources (RFC 7643 sections 4.1, 4.2). The one reader of the format: the access
/// review check and the deploy gate both ask it. Group membership is resolved through nested groups.
/// </summary>
public sealed class ScimExport
{
    public const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>Larger than any real export of users and groups; a bigger file is refused rather than read into memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private readonly Dictionary<string, ScimUser> _byLogin;
    private readonly Dictionary<string, HashSet<string>> _groupsOfUser;

    private ScimExport(IReadOnlyList<ScimUser> users, Dictionary<string, HashSet<string>> groupsOfUser)
    {
        Users = users;
        _groupsOfUser = groupsOfUser;
        _byLogin = new Dictionary<string, ScimUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            _byLogin.TryAdd(user.UserName, user);
            foreach (var email in user.Emails)
            {
                _byLogin.TryAdd(email, user);
            }
        }
    }

    public IReadOnlyList<ScimUser> Users { get; }

    /// <summary>The user whose userName or any e-mail is the login (case-insensitive, as IdPs match them).</summary>
    public ScimUser? Find(string? login) => login is not null && _byLogin.TryGetValue(login, out var user) ? user : null;

    /// <summary>The displayNames of every group the user is in, directly or through a nested group.</summary>
    public IReadOnlyCollection<string> GroupsOf(ScimUser user) =>
        _groupsOfUser.TryGetValue(user.Id, out var groups) ? groups : (IReadOnlyCollection<string>)Array.Empty<string>();

    public static ScimExport Read(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            throw new InvalidDataException($"'{path}' is {info.Length} bytes, more than the {MaxBytes / (1024 * 1024)} MiB a SCIM export may have.");
        }

        using var stream = info.OpenRead();
        return Parse(stream, path);
    }

    public static ScimExport Parse(Stream json, string shownAs)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{shownAs}' is not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !HasSchema(root, ListResponseSchema) || !root.TryGetProperty("Resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"'{shownAs}' is not a SCIM 2.0 ListResponse: it needs \"schemas\": [\"{ListResponseSchema}\"] and a \"Resources\" array (RFC 7644 section 3.4.2).");
            }

            var users = new List<ScimUser>();
            var groups = new List<(string Id, string Name, List<string> Members)>();
            foreach (var resource in resources.EnumerateArray())
            {
                if (HasSchema(resource, UserSchema))
                {
                    users.Add(new ScimUser(
                        Text(resource, "id") ?? throw Invalid(shownAs, "a User without an id"),
                        Text(resource, "userName") ?? throw Invalid(shownAs, "a User without a userName"),
                        Values(resource, "emails"),
                        !resource.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.False));
                }
                else if (HasSchema(resource, GroupSchema))
                {
                    groups.Add((Text(resource, "id") ?? throw Invalid(shownAs, "a Group without an id"),
                        Text(resource, "displayName") ?? throw Invalid(shownAs, "a Group without a displayName"),
                        Values(resource, "members")));
                }
            }

            return new ScimExport(users, Memberships(users, groups));
        }
    }

    /// <summary>For each user id, the names of its groups, following groups that are members of groups (cycles are cut).</summary>
    private static Dictionary<string, HashSet<string>> Memberships(List<ScimUser> users, List<(string Id, string Name, List<string> Members)> groups)
    {
        var groupsById = groups.GroupBy(g => g.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { group.Id };
            var pending = new Stack<string>(group.Members);
            while (pending.Count > 0)
            {
                var member = pending.Pop();
                if (groupsById.TryGetValue(member, out var nested))
                {
                    if (seen.Add(member))
                    {
                        foreach (var inner in nested.Members)
                        {
                            pending.Push(inner);
                        }
                    }

                    continue;
                }

                if (!result.TryGetValue(member, out var names))
                {
                    result[member] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(group.Name);
            }
        }

        return result;
    }

    private static bool HasSchema(JsonElement resource, string schema) =>
        resource.ValueKind == JsonValueKind.Object
        && resource.TryGetProperty("schemas", out var schemas)
        && schemas.ValueKind == JsonValueKind.Array
        && schemas.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.String && s.GetString() == schema);

    private static string? Text(JsonElement resource, string name) =>
        resource.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The "value" of each entry of a multi-valued attribute (RFC 7643 section 2.4).</summary>
    private static List<string> Values(JsonElement resource, string name) =>
        resource.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? Text(e, "value") : null).OfType<string>().ToList()
            : new List<string>();

    private static InvalidDataException Invalid(string shownAs, string what) => new($"'{shownAs}' holds {what} (RFC 7643 requires it).");
}
