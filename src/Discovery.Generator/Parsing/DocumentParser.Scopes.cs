using System;
using System.Collections.Generic;
using Discovery.Generator.Common;
using Discovery.Generator.Json;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Parsing;

internal sealed partial class DocumentParser
{
    private const string GoogleScopePrefix = "https://www.googleapis.com/auth/";

    /// <summary>
    /// The document's OAuth scopes (<c>auth.oauth2.scopes</c>) as constants of a nested <c>Scopes</c> class, the URL the
    /// value. Claimed on the service before its resources, so the class keeps its documented name.
    /// </summary>
    private EnumModel? ParseScopes(JsonObjectNode root, NameScope serviceScope)
    {
        var auth = Object(root, "auth");
        var oauth2 = auth is null ? null : Object(auth, "oauth2");
        var scopes = oauth2 is null ? null : Object(oauth2, "scopes");
        if (scopes is null || scopes.Properties.Count == 0)
        {
            return null;
        }

        var className = serviceScope.Claim(MemberNames.Scopes);
        var valueScope = new NameScope(MemberNames.ReservedOnEveryClass);
        valueScope.Reserve(className);
        var values = new List<EnumValueModel>();
        foreach (var (url, node) in Members(scopes, "a scope object"))
        {
            values.Add(new EnumValueModel(valueScope.Claim(Identifier.Pascal(ScopeWords(url))), url, OptionalString(node, "description"), Deprecated: false));
        }

        return values.Count == 0 ? null : new EnumModel(className, values.ToEquatableArray());
    }

    /// <summary>
    /// The part of a scope URL that names it: what follows Google's common prefix (<c>devstorage.read_write</c>), else the
    /// URL without its scheme (<c>mail.google.com</c>), else the scope itself (<c>openid</c>).
    /// </summary>
    private static string ScopeWords(string url)
    {
        if (url.StartsWith(GoogleScopePrefix, StringComparison.Ordinal) && url.Length > GoogleScopePrefix.Length)
        {
            return url.Substring(GoogleScopePrefix.Length);
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 ? url.Substring(scheme + 3) : url;
    }
}
