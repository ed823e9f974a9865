using Inward.Features.Account;
using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform;
using Inward.Platform.Cli;

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddPlatform();
builder.AddAccount();
builder.AddSettings();
builder.AddPeople();

var app = builder.Build();
app.UsePlatform();
app.MapAccount();
app.MapSettings();
app.MapPeople();

return await app.RunInwardAsync(command);

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
