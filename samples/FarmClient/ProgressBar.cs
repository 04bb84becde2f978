using System;
using Discovery.Runtime;

namespace FarmClient;

/// <summary>
/// "Uploaded 42%" with a bar, redrawn in place on a terminal and printed every 10% when the output is a
/// file or a pipe, so logs stay readable.
/// </summary>
internal sealed class ProgressBar
{
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private int _lastPercent = int.MinValue;

    public void Report(UploadProgress progress)
    {
        var percent = (int)(progress.Progress * 100);
        if (percent == _lastPercent || (!_interactive && _lastPercent >= 0 && percent / 10 == _lastPercent / 10 && percent != 100))
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent / 5;
        var line = $"Uploaded {percent,3}% [{new string('#', filled)}{new string('.', 20 - filled)}] {Sizes.Format(progress.BytesSent)}";
        if (_interactive)
        {
            Console.Write("\r" + line);
            if (percent == 100)
            {
                Console.WriteLine();
            }
        }
        else
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Ends the bar's line before something else is printed mid-upload.</summary>
    public void Interrupt()
    {
        if (_interactive && _lastPercent is >= 0 and < 100)
        {
            Console.WriteLine();
        }
    }
}

internal static class Sizes
{
    public static string Format(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KiB";
}
