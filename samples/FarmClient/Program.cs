using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime;
using Farm.V1;
using Farm.V1.Data;
using FarmClient;
using Farm.Server;

// The Farm sample: everything the seed describes, through the client generated from farm.discovery.json,
// against an embedded Farm server on 127.0.0.1 (or --server URL).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var folder = Directory.CreateTempSubdirectory("farm-sample-").FullName;
try
{
    var options = SampleOptions.Parse(args);
    using var trace = options.Trace ? new TracePrinter() : null;
    await using var server = options.Server is null ? await StartServerAsync(options) : null;
    var root = options.Server ?? server!.RootUri;
    // Short waits between retries and a connect timeout keep a demo snappy; a server that is down or
    // unreachable is reported within seconds instead of after the library's patient defaults.
    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
    var retry = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) };
    // The embedded server wants a token on every call, as Google does; another server (--server) gets none.
    var credential = server is null ? null : SampleCredential.Create(server);
    using var farm = new FarmService(http, new ServiceOptions { RootUri = root, ApplicationName = "farm-sample", Retry = retry, Credential = credential });
    await RunAsync(farm, options, folder, cancel.Token);
    return 0;
}
catch (UsageException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}
catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("error: cannot read the file to upload: " + ex.Message);
    return 1;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
catch (HttpError ex)
{
    Console.Error.WriteLine($"error: the server answered {(int)ex.StatusCode}: {ex.Error?.Message ?? ex.Message}");
    return 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine("error: cannot reach the Farm server: " + ex.Message);
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
{
    Console.Error.WriteLine("error: cannot reach the Farm server: the request timed out");
    return 1;
}
catch (UploadException ex)
{
    Console.Error.WriteLine("error: the upload failed: " + ex.Message);
    return 1;
}
catch (System.Text.Json.JsonException)
{
    Console.Error.WriteLine("error: the server's answer is not the Farm API's JSON; is --server a Farm server?");
    return 1;
}
catch (InvalidDataException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static async Task<FarmServer> StartServerAsync(SampleOptions options)
{
    var server = await FarmServer.StartAsync(
        new FarmServerOptions
        {
            Faults = options.Faults ? new FarmFaultOptions { Seed = 7 } : null,
            Log = message => Console.WriteLine("  server: " + message),
        },
        CancellationToken.None);
    Console.WriteLine($"Embedded Farm server listening on {server.RootUri}" + (options.Faults ? " (injecting faults)" : string.Empty));
    return server;
}

static async Task RunAsync(FarmService farm, SampleOptions options, string folder, CancellationToken cancellationToken)
{
    // The large upload's media comes first, so a missing file or a bad chunk size fails before any request.
    var path = options.File ?? await SampleFiles.CreateLargeFileAsync(folder, 48L * 1024 * 1024, cancellationToken);
    var media = new MediaFileUpload(path, mimeType: "application/octet-stream", chunkSize: options.ChunkSize, resumable: true);
    media.ValidateChunkSize();

    // 1. A typed insert with a picture given as a file path, as in the seed's farm.animals().insert(media_body='pig.png').
    var picture = SampleFiles.CreatePicture(folder);
    var pig = await farm.Animals.Insert(new Animal { Name = "Pig", Kind = Animal.KindValues.Pig, WeightGrams = 95_000 }, picture).ExecuteAsync(cancellationToken);
    Console.WriteLine($"Inserted {pig.Name} ({pig.Kind}) as {pig.Id} with a {pig.PictureSize}-byte {pig.PictureContentType} picture");

    // 2. A large file as a resumable upload, chunk by chunk, with a live progress bar.
    var request = farm.Animals.Insert(new Animal { Name = "Cow", Kind = Animal.KindValues.Cow }, media);
    var bar = new ProgressBar();
    request.ProgressChanged += progress =>
    {
        if (progress.State == UploadState.Backoff)
        {
            bar.Interrupt();
            Console.WriteLine($"  client: {progress.Exception?.Message ?? "attempt failed"}; asking the server what it kept, then resuming");
        }
    };
    Console.WriteLine($"Uploading {Path.GetFileName(path)} ({Sizes.Format(media.Length ?? 0)}) in {Sizes.Format(options.ChunkSize)} chunks, resumable:");
    Animal? cow = null;
    UploadProgress last = default;
    while (cow is null)
    {
        var (status, response) = await request.NextChunkAsync(cancellationToken);
        bar.Report(status);
        (last, cow) = (status, response);
    }

    var expected = await SampleFiles.Sha256Async(path, cancellationToken);
    Console.WriteLine($"Upload complete: {cow.Id}, server sha256 {Short(cow.PictureSha256)} {(cow.PictureSha256 == expected ? "matches" : "DOES NOT MATCH")} the file");

    // The runtime computed CRC32C while it sent, put it on the final chunk, and compared it with the stored object's.
    Console.WriteLine($"Upload checksum {last.Checksum}: {last.ChecksumDetail}");

    // 3. Every animal, over as many pages as it takes.
    var list = farm.Animals.List();
    list.MaxResults = 1;
    var count = 0;
    var listed = new List<Animal>();
    await foreach (var animal in list.ItemsAsync(cancellationToken))
    {
        Console.WriteLine($"  {animal.Name,-6} {animal.Kind,-8} {Sizes.Format(animal.PictureSize ?? 0),10}");
        listed.Add(animal);
        count++;
    }

    Console.WriteLine($"Listed {count} animals");

    // 4. The picture back, byte for byte.
    using var downloaded = new MemoryStream();
    DownloadProgress fetched = default;
    await farm.Animals.Get(pig.Id!).DownloadAsync(downloaded, p => fetched = p, cancellationToken);
    var verified = SampleFiles.Sha256(downloaded.ToArray()) == SampleFiles.Sha256(File.ReadAllBytes(picture));
    Console.WriteLine($"Downloaded {pig.Name}'s picture: {downloaded.Length} bytes, {(verified ? "verified byte for byte" : "MISMATCH")}");
    Console.WriteLine($"Download checksum {fetched.Checksum}: {fetched.ChecksumDetail}");

    if (!verified || cow.PictureSha256 != expected)
    {
        throw new InvalidDataException("the server did not store what was sent");
    }

    // 5. A label on every animal, all in one HTTP request: each call has its own task, result and error.
    var batch = farm.Batch();
    var labelled = new List<Task<Animal>>();
    foreach (var animal in listed)
    {
        var labels = new Dictionary<string, string>(animal.Labels ?? new Dictionary<string, string>()) { ["barn"] = "north" };
        labelled.Add(batch.Add(farm.Animals.Update(new Animal { Name = animal.Name, Kind = animal.Kind, WeightGrams = animal.WeightGrams, Labels = labels }, animal.Id!)));
    }

    await batch.ExecuteAsync(cancellationToken);
    foreach (var call in labelled)
    {
        var animal = await call;
        Console.WriteLine($"  {animal.Name,-6} barn={animal.Labels?["barn"]}");
    }

    Console.WriteLine($"Labelled {labelled.Count} animals in one batch request");
    Console.WriteLine($"Done: 2 uploads (simple and resumable), {count} listed, 1 verified download, {labelled.Count} labelled in a batch.");
}

static string Short(string? hash) => hash is null ? "(none)" : hash[..12] + "…";
