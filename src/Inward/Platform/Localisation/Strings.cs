namespace Inward;

/// <summary>
/// Marker for the shared UI strings in Resources/Strings.*.resx. Keys are the English text, so English needs
/// no entries; Arabic and Polish must translate every key (a test checks this).
/// </summary>
public sealed class Strings;
