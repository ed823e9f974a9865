using Inward.Features.Notifications;
using Inward.Platform.Demo;
using Inward.Platform.Files;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning;

/// <summary>Learning (issue 6): courses, lessons, quizzes, progress and completion.</summary>
public static class LearningModule
{
    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        builder.AddFiles();
        var services = builder.Services;
        services.AddScoped<CourseCatalogue>();
        services.AddScoped<CourseCompletionService>();
        services.AddScoped<LearnerProgress>();
        services.AddScoped<QuizTaking>();
        services.AddScoped<CourseAuthoring>();
        services.AddFileOwner<CourseFileOwner>();
        services.AddFileOwner<LessonFileOwner>();
        services.AddScoped<IDemoContent, LearningDemoContent>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Learning/CourseEditor", "/learning/manage/courses/{id:int}");
            o.Conventions.AddPageRoute("/Learning/LessonEditor", "/learning/manage/courses/{courseId:int}/lessons/{lessonId:int}");
            o.Conventions.AddPageRoute("/Learning/QuestionEditor", "/learning/manage/courses/{id:int}/quiz/questions/{questionId:int}");
        });
        return builder;
    }

    public static WebApplication MapLearning(this WebApplication app)
    {
        app.MapLearningApi();
        return app;
    }

    /// <summary>Learners are employees and partner users (partners see only courses shared with their organisation).</summary>
    public const string LearnerPolicy = NotificationsModule.ReaderPolicy;
}
