export default function NocPage() {
  return <p>noc</p>;
}
