using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Inward.Features.Webhooks;

/// <summary>What a webhook says about a post: the title, a short plain-text excerpt and the link. Nothing else leaves.</summary>
public sealed record WebhookMessage(string Title, string Excerpt, string Link, string LinkText);

/// <summary>
/// Posts JSON to Slack and Microsoft Teams incoming webhooks through a client that checks every target address
/// (<see cref="WebhookSecurity"/>), never follows redirects and gives up after Webhooks:TimeoutSeconds.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;

    public WebhookSender(IOptions<WebhookOptions> options)
    {
        _options = options.Value;
        var allowPrivate = _options.AllowPrivateNetworks;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)),
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await WebhookSecurity.ResolveAllowedAsync(context.DnsEndPoint.Host, allowPrivate, ct);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)) };
    }

    public bool AllowHttp => _options.AllowHttp;

    public bool AllowPrivateNetworks => _options.AllowPrivateNetworks;

    /// <summary>The JSON body for <paramref name="kind"/>.</summary>
    public static string Payload(WebhookKind kind, WebhookMessage m) => kind switch
    {
        WebhookKind.Slack => new JsonObject
        {
            ["text"] = $"*{Slack(m.Title)}*\n{Slack(m.Excerpt)}\n<{m.Link}|{Slack(m.LinkText)}>",
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*<{m.Link}|{Slack(m.Title)}>*\n{Slack(m.Excerpt)}" },
                }),
        }.ToJsonString(),
        _ => new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = m.Title,
            ["title"] = m.Title,
            ["text"] = m.Excerpt,
            ["potentialAction"] = new JsonArray(new JsonObject
            {
                ["@type"] = "OpenUri",
                ["name"] = m.LinkText,
                ["targets"] = new JsonArray(new JsonObject { ["os"] = "default", ["uri"] = m.Link }),
            }),
        }.ToJsonString(),
    };

    /// <summary>Slack's control characters in message text.</summary>
    private static string Slack(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Sends; throws <see cref="WebhookDeliveryException"/> (or the network's exception) unless the receiver answers 2xx.</summary>
    public async Task SendAsync(WebhookKind kind, string url, WebhookMessage message, CancellationToken ct)
    {
        if (WebhookSecurity.CheckUrl(url, _options.AllowHttp) is { } error)
        {
            throw new WebhookTargetRefusedException(error);
        }
        using var content = new StringContent(Payload(kind, message), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.PostAsync(new Uri(url), content, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new WebhookDeliveryException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    public void Dispose() => _http.Dispose();
}

public sealed class WebhookDeliveryException(string message) : Exception(message);
