using Inward.Platform.Audit;
using Inward.Platform.Cli;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Inward.Features.Account;

/// <summary>`token create --user EMAIL [--name NAME] [--days N]`: prints a new personal access token of the user.</summary>
public sealed class TokenCommand : ICliCommand
{
    public string Name => "token";
    public string Summary => "Creates a personal access token for a user and prints it.";
    public string Usage => "token create --user EMAIL [--name NAME] [--days 1-365]";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.Positional is not ["create"] || args.Get("user") is not { Length: > 0 } email)
        {
            await output.WriteLineAsync($"Usage: {Usage}");
            return 2;
        }
        int? days = null;
        if (args.Has("days"))
        {
            days = args.GetInt("days");
            if (days is not (>= 1 and <= ApiTokens.MaxDays))
            {
                await output.WriteLineAsync($"--days must be a whole number from 1 to {ApiTokens.MaxDays}.");
                return 2;
            }
        }
        var name = args.Get("name") is { Length: > 0 } n ? n : "Command line";
        if (name.Length > 100)
        {
            await output.WriteLineAsync("--name is at most 100 characters long.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await output.WriteLineAsync($"No user has the e-mail address {email}.");
            return 1;
        }
        if (!user.IsActive)
        {
            await output.WriteLineAsync($"The account of {email} is deactivated.");
            return 1;
        }
        if (!RoleRules.Allows(await users.GetRolesAsync(user), Capability.UseApi))
        {
            await output.WriteLineAsync($"{email} may not use the API (no role with API access).");
            return 1;
        }
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "command line");
        var (token, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, name, days, ct);
        await output.WriteLineAsync($"Token \"{token.Name}\" for {email}" + (token.ExpiresAt is { } exp ? $", expires {exp:yyyy-MM-dd HH:mm} UTC" : ", does not expire") + ":");
        await output.WriteLineAsync(secret);
        await output.WriteLineAsync("Store it now: it cannot be shown again.");
        return 0;
    }
}
