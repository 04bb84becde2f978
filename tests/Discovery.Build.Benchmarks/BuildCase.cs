namespace Discovery.Build.Benchmarks;

/// <summary>The five ways of issue 7 an app gets the same generated client, labelled (a) to (e) in the report.</summary>
internal enum BuildCase
{
    /// <summary>(a) the whole document as the app's own AdditionalFile.</summary>
    Whole,

    /// <summary>(b) the document with Methods="instances;zoneOperations".</summary>
    Selected,

    /// <summary>(c) the whole document in a class library project the app references.</summary>
    Library,

    /// <summary>(d) the same library prebuilt, referenced as a DLL.</summary>
    Prebuilt,

    /// <summary>(e) an app with no client at all.</summary>
    Empty,
}
