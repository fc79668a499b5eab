namespace Metropoli.BrowserTests.Infrastructure;

public static class Navigation
{
    /// <summary>Follows a link of the header as a person would: when it sits in a closed dropdown (the user's menu,
    /// the administration menu, ADR 0038), opens that menu with its button first.</summary>
    public static async Task FollowHeaderLinkAsync(this IPage page, string href)
    {
        var link = page.Locator($"header a[href='{href}']").First;
        if (!await link.IsVisibleAsync())
        {
            await page.Locator($"header .dropdown:has(a[href='{href}']) > [data-bs-toggle=dropdown]").First.ClickAsync();
            await link.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        }
        await page.ClickAndWaitForPageAsync(link);
    }

    /// <summary>Clicks (a link, a submit button) and waits until the resulting document has loaded —
    /// also when it has the same URL, as a form posted back to itself does.</summary>
    public static async Task ClickAndWaitForPageAsync(this IPage page, ILocator target)
    {
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }
        page.FrameNavigated += OnNavigated;
        try
        {
            await target.ClickAsync();
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Clicking {target} did not load a new page within 30 s (still at {page.Url}).");
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
    }

    /// <summary>Runs an action that loads a new document (a form's requestSubmit) and returns the status
    /// of the document finally shown (after redirections), 0 when none came.</summary>
    public static async Task<int> RunAndWaitForPageAsync(this IPage page, Func<Task> action)
    {
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var status = 0;
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                status = response.Status;
            }
        }
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }
        page.Response += OnResponse;
        page.FrameNavigated += OnNavigated;
        try
        {
            await action();
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await page.WaitForLoadStateAsync(LoadState.Load);
            return status;
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
            page.Response -= OnResponse;
        }
    }
}
