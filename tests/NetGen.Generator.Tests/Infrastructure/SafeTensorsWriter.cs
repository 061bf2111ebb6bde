using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Writes safetensors files for tests: tensors of any dtype, name and shape, with sequential data.</summary>
internal static class SafeTensorsWriter
{
    public static byte[] Write(params (string Name, string DType, int[] Shape)[] tensors)
    {
        var header = new StringBuilder("{");
        var data = new List<byte>();
        foreach ((string name, string dtype, int[] shape) in tensors)
        {
            int size = dtype switch { "F64" => 8, "F16" => 2, _ => 4 };
            int count = shape.Aggregate(1, (a, d) => a * d);
            int begin = data.Count;
            for (int i = 0; i < count; i++)
            {
                byte[] value = dtype == "F64" ? BitConverter.GetBytes(0.25 * i) : dtype == "F16" ? new byte[2] : BitConverter.GetBytes(0.25f * i);
                data.AddRange(value);
            }

            if (header.Length > 1)
            {
                header.Append(',');
            }

            header.Append(CultureInfo.InvariantCulture, $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{begin},{data.Count}]}}");
        }

        byte[] json = Encoding.UTF8.GetBytes(header.Append('}').ToString());
        byte[] file = new byte[8 + json.Length + data.Count];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        data.CopyTo(file, 8 + json.Length);
        return file;
    }
}
