using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace Farm.Server;

/// <summary>
/// In-memory animal metadata plus picture files in a private temporary folder, so multi-gigabyte
/// pictures never sit in memory.
/// </summary>
internal sealed class AnimalStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredAnimal> animals = new(StringComparer.Ordinal);
    private long lastSequence;

    public AnimalStore(string root)
    {
        Root = root;
        PictureDirectory = Path.Combine(root, "pictures");
        UploadDirectory = Path.Combine(root, "uploads");
        Directory.CreateDirectory(PictureDirectory);
        Directory.CreateDirectory(UploadDirectory);
    }

    public string Root { get; }

    public string PictureDirectory { get; }

    public string UploadDirectory { get; }

    public string NewPicturePath() => Path.Combine(PictureDirectory, Guid.NewGuid().ToString("N") + ".bin");

    public StoredAnimal Add(AnimalResource metadata, StoredPicture? picture)
    {
        // Random ids keep clients from relying on ids being guessable or ordered.
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        lock (gate)
        {
            var animal = new StoredAnimal(id, ++lastSequence, metadata, picture);
            animals.Add(id, animal);
            return animal;
        }
    }

    public StoredAnimal? Find(string id)
    {
        lock (gate)
        {
            return animals.GetValueOrDefault(id);
        }
    }

    /// <summary>Replaces metadata and/or picture; a null argument keeps the current value.</summary>
    public StoredAnimal? Replace(string id, AnimalResource? metadata, StoredPicture? picture)
    {
        StoredAnimal updated;
        StoredPicture? replaced;
        lock (gate)
        {
            if (!animals.TryGetValue(id, out StoredAnimal? current))
            {
                return null;
            }

            updated = current with { Metadata = metadata ?? current.Metadata, Picture = picture ?? current.Picture };
            replaced = picture is null ? null : current.Picture;
            animals[id] = updated;
        }

        DeleteFile(replaced);
        return updated;
    }

    /// <summary>Stores <paramref name="bytes"/> as a new picture of animal <paramref name="id"/> (tests seed and change media with it).</summary>
    public StoredAnimal? ReplacePicture(string id, byte[] bytes, string contentType)
    {
        string path = NewPicturePath();
        File.WriteAllBytes(path, bytes);
        var picture = new StoredPicture(path, bytes.Length, contentType, PictureDigest.Of(bytes));
        StoredAnimal? animal = Replace(id, metadata: null, picture);
        if (animal is null)
        {
            File.Delete(path);
        }

        return animal;
    }

    public bool Remove(string id)
    {
        StoredAnimal? removed;
        lock (gate)
        {
            if (!animals.Remove(id, out removed))
            {
                return false;
            }
        }

        DeleteFile(removed.Picture);
        return true;
    }

    /// <summary>Returns up to <paramref name="max"/> animals after <paramref name="afterSequence"/>, and whether more follow.</summary>
    public (IReadOnlyList<StoredAnimal> Page, bool More) List(string? kind, long afterSequence, int max)
    {
        lock (gate)
        {
            List<StoredAnimal> matching = animals.Values
                .Where(a => a.Sequence > afterSequence && (kind is null || string.Equals(a.Metadata.Kind, kind, StringComparison.Ordinal)))
                .OrderBy(a => a.Sequence)
                .Take(max + 1)
                .ToList();
            bool more = matching.Count > max;
            return (more ? matching.GetRange(0, max) : matching, more);
        }
    }

    public void DeleteEverything()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A download still holding a file open (Windows) must not turn disposal into a failure.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above: best effort, the OS temp cleaner gets the rest.
        }
    }

    private static void DeleteFile(StoredPicture? picture)
    {
        if (picture is null)
        {
            return;
        }

        try
        {
            File.Delete(picture.FilePath);
        }
        catch (IOException)
        {
            // A download may still stream the old picture on Windows; the folder goes away on dispose.
        }
    }
}
