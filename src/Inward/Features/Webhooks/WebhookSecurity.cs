using System.Net;
using System.Net.Sockets;

namespace Inward.Features.Webhooks;

public sealed class WebhookOptions
{
    /// <summary>Webhooks:AllowHttp: accept http:// URLs (tests and closed networks only; the URL is a secret).</summary>
    public bool AllowHttp { get; set; }
    /// <summary>Webhooks:AllowPrivateNetworks: allow loopback, private and link-local targets (tests, on-premises chat servers).</summary>
    public bool AllowPrivateNetworks { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>The refusal of a webhook target by the address policy (docs/adr/0010-webhook-targets.md).</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>
/// Where webhooks may go (pure, unit-tested). Only https (http only with Webhooks:AllowHttp), no user info in the URL,
/// and — unless Webhooks:AllowPrivateNetworks — no address on this machine or on a private, shared, link-local,
/// multicast or otherwise special network: an administrator's typo or a hostile URL must not make the server talk to
/// its own network (SSRF). The check runs on every address a name resolves to, at connection time, and the connection
/// is made to the checked address, so DNS rebinding cannot slip a private address in after the check.
/// </summary>
public static class WebhookSecurity
{
    /// <summary>The English error for a URL that can never be used, or null.</summary>
    public static string? CheckUrl(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the webhook URL.";
        }
        if (url.Length > WebhookEndpoint.UrlMax || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "Enter a complete URL, e.g. https://hooks.slack.com/services/...";
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "The webhook URL must start with https://.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The webhook URL must not contain a user name or password.";
        }
        return null;
    }

    /// <summary>True for an address on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // "this" network
                || b[0] == 10                                    // private
                || b[0] == 127                                   // loopback
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)    // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                  // link-local (cloud metadata)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)     // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                || (b[0] == 192 && b[1] == 168)                  // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // benchmarking
                || b[0] >= 224);                                 // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address) || IPAddress.IPv6Any.Equals(address)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                         // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation
                || (b[0] == 0x20 && b[1] == 0x02)                // 6to4 may wrap a private IPv4 address
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) // Teredo
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)); // NAT64 may wrap a private IPv4 address
        }
        return false;
    }

    /// <summary>Resolves <paramref name="host"/> and returns the addresses to connect to, or throws when the policy refuses it.</summary>
    public static async Task<IPAddress[]> ResolveAllowedAsync(string host, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException($"{host} has no address.");
        }
        if (!allowPrivate && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
        {
            throw new WebhookTargetRefusedException($"{host} resolves to {refused}, which is not a public internet address.");
        }
        return addresses;
    }
}
