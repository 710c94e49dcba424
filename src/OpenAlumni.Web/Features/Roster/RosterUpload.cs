namespace OpenAlumni.Web.Features.Roster;

/// <summary>The roster file of a multipart upload, read by the API and checked again by the page.</summary>
public static class RosterUpload
{
    /// <summary>
    /// The form's <c>file</c>, or null; <c>Unreadable</c> when the body is not the multipart form its header
    /// says (a boundary that does not match, a part cut short).
    /// </summary>
    /// <remarks>
    /// The endpoints that bind an <see cref="IFormFile"/> (photos, post images, the logo, event covers) get
    /// this from the framework, which answers such a body 400; the import reads the form itself (to refuse an
    /// oversized request before reading it), so it does the same here. A request over the size limit
    /// (<see cref="BadHttpRequestException"/>, 413) goes on to the exception handler as before.
    /// </remarks>
    public static async Task<(IFormFile? File, bool Unreadable)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, false);
        try
        {
            return ((await request.ReadFormAsync(ct)).Files["file"], false);
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            return (null, true);
        }
    }
}
