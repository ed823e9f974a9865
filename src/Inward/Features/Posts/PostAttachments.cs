using System.Security.Claims;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Inward.Features.Posts;

/// <summary>
/// Post images and attachments live in the shared file store (owner kind "post"). A file is served to whoever may read
/// the post now (published, in its audience) and to communicators, who see drafts in the editor.
/// </summary>
public sealed class PostFileOwner(PostViews views, IAuthorizationService authorization) : IFileOwner
{
    public const string FileKind = "post";

    public string Kind => FileKind;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, int ownerId, CancellationToken ct) =>
        (await authorization.AuthorizeAsync(user, nameof(Capability.Communicate))).Succeeded
        || await views.PostAsync(user, ownerId, ct) is not null;
}
