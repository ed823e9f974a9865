using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Comments;

/// <summary>What the conversation partial shows: the conversation, and on a failed post the draft and its error.</summary>
public sealed record ConversationSectionModel(Conversation Conversation, string? Draft = null, string? Error = null);

/// <summary>The comments and reactions under a post (/news/{id}); nothing when the person may not read it or both are off.</summary>
public sealed class ConversationSection(PostConversation conversations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int postId)
    {
        var conversation = await conversations.GetAsync(HttpContext.User, postId, HttpContext.RequestAborted);
        return conversation is null || (!conversation.AllowComments && !conversation.AllowReactions)
            ? Content("")
            : View("/Features/Comments/_Conversation.cshtml", new ConversationSectionModel(conversation));
    }
}
