using Inward.Features.Notifications;

namespace Inward.Tests.Notifications;

public sealed class NotificationUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/news/12", true)]
    [InlineData("/news/12?x=1#top", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("news/12", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/news\r\nLocation: https://evil.example", false)]
    public void Only_paths_on_this_site_are_local(string? url, bool local) => Assert.Equal(local, NotificationUrls.IsLocal(url));
}
