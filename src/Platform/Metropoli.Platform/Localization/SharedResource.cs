namespace Metropoli.Platform.Localization;

/// <summary>Marker for the shared resource files. Keys are the Italian texts; English is in
/// <c>Resources/Platform/Localization/SharedResource.en.resx</c>.</summary>
public sealed class SharedResource;
