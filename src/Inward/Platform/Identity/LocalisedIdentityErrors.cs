using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Inward.Platform.Identity;

/// <summary>Identity's validation messages that users see (passwords, links, e-mail addresses), in their language.</summary>
public sealed class LocalisedIdentityErrors(IStringLocalizer<Strings> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = t["Passwords must be at least {0} characters.", length] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = t["The password is not right."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = t["This link is not valid: it may have expired or been used already. Ask for a new one."] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = t["Another account already uses the e-mail address {0}.", email] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = t["Another account already uses the e-mail address {0}.", userName] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = t["The e-mail address {0} is not valid.", email ?? ""] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = t["The e-mail address {0} cannot be used as a user name.", userName ?? ""] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = t["Passwords must use at least {0} different characters.", uniqueChars] };
}
