"""Forms of the import and duplicates pages: shape and size here; the services decide the rest."""

from django import forms

from goodloop.errors import ServiceError
from goodloop.formats import registry
from goodloop.transfer import import_jobs

FORMAT_CHOICES = [("auto", "Detect from the content"), *((k, v) for k, v in registry.LABELS.items())]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Contacts file", allow_empty_file=False,
        help_text=f"A LinkedIn Connections.csv, a Google or Outlook CSV, or a vCard (.vcf) file — "
                  f"at most {import_jobs.MAX_UPLOAD_MB} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard"}))
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="auto",
                               help_text="Leave on “detect” unless the file is refused.")
    dry_run = forms.BooleanField(required=False, label="Dry run",
                                 help_text="Show the report without saving anything.")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None or "format" not in data:
            return data
        if upload.size > import_jobs.MAX_UPLOAD:
            size = upload.size / (1024 * 1024)
            self.add_error("file", f"This file is {size:.1f} MB; the limit is {import_jobs.MAX_UPLOAD_MB} MB. "
                                   "Split it, or import it from the command line: goodloop import PATH")
            return data
        content = upload.read()
        try:
            import_jobs.check_file(content, data["format"])
        except ServiceError as exc:
            self.add_error("file", exc.message[:1].upper() + exc.message[1:] + ".")
        else:
            data["content"] = content
        return data


class PairForm(forms.Form):
    """Two people: `keep` and `gone` for a merge, or the pair a dismissal names."""

    keep = forms.IntegerField(min_value=1)
    gone = forms.IntegerField(min_value=1)
