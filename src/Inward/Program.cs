using Inward.Features.Account;
using Inward.Features.Audiences;
using Inward.Features.Brand;
using Inward.Features.Comments;
using Inward.Features.Email;
using Inward.Features.Feedback;
using Inward.Features.InternalCustomers;
using Inward.Features.Notifications;
using Inward.Features.Panel;
using Inward.Features.People;
using Inward.Features.Plan;
using Inward.Features.Posts;
using Inward.Features.Playbook;
using Inward.Features.Radio;
using Inward.Features.Settings;
using Inward.Features.Touchpoints;
using Inward.Features.Webhooks;
using Inward.Features.Wins;
using Inward.Platform;
using Inward.Platform.Cli;

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddPlatform();
builder.AddAccount();
builder.AddSettings();
builder.AddPeople();
builder.AddBrand();
builder.AddPlan();
builder.AddPlaybook();
builder.AddInternalCustomers();
builder.AddTouchpoints();
builder.AddAudiences();
builder.AddPosts();
builder.AddNotifications();
builder.AddEmail();
builder.AddWebhooks();
builder.AddComments();
builder.AddRadio();
builder.AddWins();
builder.AddFeedback();
builder.AddPanel();

var app = builder.Build();
app.UsePlatform();
app.MapAccount();
app.MapSettings();
app.MapPeople();
app.MapBrand();
app.MapPlan();
app.MapPlaybook();
app.MapInternalCustomers();
app.MapTouchpoints();
app.MapAudiences();
app.MapPosts();
app.MapNotifications();
app.MapEmail();
app.MapWebhooks();
app.MapComments();
app.MapRadio();
app.MapWins();
app.MapFeedback();
app.MapPanel();

return await app.RunInwardAsync(command);

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
